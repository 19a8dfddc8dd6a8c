using System.Text.Json;
using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Marten;
using MediatR;

namespace Aims.Appeals.Drafts;

/// <summary>A person's saved, unfiled appeal forms, newest first, each with the page that resumes it.</summary>
internal sealed record ListDrafts(Guid UserId) : IRequest<IReadOnlyList<DraftItem>>;

internal sealed record DraftItem(Guid Id, AppealKind Kind, DateTimeOffset SavedAt, string ResumeUrl);

internal sealed class ListDraftsHandler(EventStreams store) : IRequestHandler<ListDrafts, IReadOnlyList<DraftItem>>
{
    public async Task<IReadOnlyList<DraftItem>> Handle(ListDrafts query, CancellationToken cancellationToken)
    {
        var session = await store.QueryAsync(cancellationToken);
        var drafts = await session.Query<AppealDraft>().Where(d => d.UserId == query.UserId)
            .OrderByDescending(d => d.UpdatedAt).Take(100).ToListAsync(cancellationToken);
        return drafts.Select(d => new DraftItem(d.Id, d.Kind, d.UpdatedAt, ResumeUrl(d))).ToList();
    }

    private static string ResumeUrl(AppealDraft draft) => draft.Kind switch
    {
        AppealKind.ProviderInformal => $"/appeals/file/informal?draft={draft.Id}",
        AppealKind.Client => $"/appeals/file/client?draft={draft.Id}",
        // A formal appeal is filed from its informal case, which the draft names, or on its own when that case is not in AIMS.
        _ => JsonSerializer.Deserialize<FormalDraftSource>(draft.Form, DraftForms.Json)!.InformalAppealId is var informal && informal != Guid.Empty
            ? $"/appeals/{informal}/formal?draft={draft.Id}"
            : $"/appeals/file/formal?draft={draft.Id}",
    };

    private sealed record FormalDraftSource(Guid InformalAppealId);
}
