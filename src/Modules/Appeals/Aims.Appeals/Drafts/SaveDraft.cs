using System.Text.Json;
using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Mediation;
using MediatR;

namespace Aims.Appeals.Drafts;

/// <summary>
/// Saves an unfinished appeal form as it stands (nothing is checked: a draft may be half done) and returns its id;
/// filing the appeal removes it. A draft is its owner's alone.
/// </summary>
internal sealed record SaveDraft(Guid UserId, AppealKind Kind, Guid? DraftId, object Form) : ICommand<Guid>;

internal sealed class SaveDraftHandler(EventStreams store, TimeProvider time) : IRequestHandler<SaveDraft, Guid>
{
    public async Task<Guid> Handle(SaveDraft command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var json = JsonSerializer.Serialize(command.Form, command.Form.GetType(), DraftForms.Json);
        var documents = store.Documents;
        var draft = command.DraftId is { } id ? await DraftForms.FindAsync(documents, command.UserId, id, command.Kind, cancellationToken) : null;
        draft ??= new AppealDraft { Id = Guid.CreateVersion7(now), UserId = command.UserId, Kind = command.Kind, Form = json, CreatedAt = now };
        draft.Form = json;
        draft.UpdatedAt = now;
        documents.Store(draft);
        await documents.SaveChangesAsync(cancellationToken);
        return draft.Id;
    }
}

/// <summary>The form saved in the owner's draft of this kind, to fill the page with; null when it is not theirs.</summary>
internal sealed record LoadDraft(Guid UserId, Guid DraftId, AppealKind Kind) : IRequest<string?>;

internal sealed class LoadDraftHandler(EventStreams store) : IRequestHandler<LoadDraft, string?>
{
    public async Task<string?> Handle(LoadDraft query, CancellationToken cancellationToken) =>
        (await DraftForms.FindAsync(await store.QueryAsync(cancellationToken), query.UserId, query.DraftId, query.Kind, cancellationToken))?.Form;
}

internal static class DraftForms
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The owner's draft of this kind, or null (someone else's draft id finds nothing).</summary>
    public static async Task<AppealDraft?> FindAsync(Marten.IQuerySession session, Guid userId, Guid draftId, AppealKind kind, CancellationToken cancellationToken) =>
        await session.LoadAsync<AppealDraft>(draftId, cancellationToken) is { } draft && draft.UserId == userId && draft.Kind == kind ? draft : null;
}
