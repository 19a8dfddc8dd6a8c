using System.Text.Json;
using Aims.Appeals.Contracts;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Mediation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Drafts;

/// <summary>
/// Saves an unfinished appeal form as it stands (nothing is checked: a draft may be half done) and returns its id;
/// filing the appeal removes it. A draft is its owner's alone.
/// </summary>
internal sealed record SaveDraft(Guid UserId, AppealKind Kind, Guid? DraftId, object Form) : ICommand<Guid>;

internal sealed class SaveDraftHandler(AppealsDbContext db, TimeProvider time) : IRequestHandler<SaveDraft, Guid>
{
    public async Task<Guid> Handle(SaveDraft command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var json = JsonSerializer.Serialize(command.Form, command.Form.GetType(), DraftForms.Json);
        var draft = command.DraftId is { } id
            ? await db.Drafts.SingleOrDefaultAsync(d => d.Id == id && d.UserId == command.UserId && d.Kind == command.Kind, cancellationToken)
            : null;
        if (draft is null)
        {
            draft = new Draft { Id = Guid.CreateVersion7(now), UserId = command.UserId, Kind = command.Kind, Form = json, CreatedAt = now };
            db.Drafts.Add(draft);
        }

        draft.Form = json;
        draft.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return draft.Id;
    }
}

internal static class DraftForms
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The owner's draft of this kind, or null (someone else's draft id finds nothing).</summary>
    public static async Task<T?> LoadAsync<T>(this AppealsDbContext db, Guid userId, Guid draftId, AppealKind kind, CancellationToken cancellationToken)
        where T : class
    {
        var json = await db.Drafts.AsNoTracking().Where(d => d.Id == draftId && d.UserId == userId && d.Kind == kind)
            .Select(d => d.Form).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<T>(json, Json);
    }
}
