using Aims.Appeals.Access;
using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.BuildingBlocks.EventSourcing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Appeals.Persistence;

/// <summary>
/// Keeps the appeal list and the access list in step with each append, in its transaction. The row is copied from the
/// whole appeal folded again (one more read per append), so the list can never disagree with what <see cref="Appeal"/>
/// decides. The event store is resolved on use: it is built with the projections, this one among them.
/// </summary>
internal sealed class AppealSummaryProjection(AppealsDbContext db, IServiceProvider services, TimeProvider time) : IProjection
{
    public async Task ApplyAsync(string streamType, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        if (streamType != AppealFiling.StreamType)
        {
            return;
        }

        var appealId = events[0].StreamId;
        var appeal = (await services.GetRequiredService<EventStore>().LoadAsync<Appeal>(appealId, cancellationToken))!;
        var row = await db.Summaries.FindAsync([appealId], cancellationToken);
        if (row is null)
        {
            row = new AppealSummary { Id = appealId };
            db.Summaries.Add(row);
        }

        row.CopyFrom(appeal, time.GetUtcNow());
        if (events.Any(e => e.Data is ClientAppealFiled) && appeal.Filing is ClientAppealFiled client)
        {
            // A client appeal belongs to people, not an organization: the filer, whether the appellant or their representative.
            db.AppealAccess.Add(new AppealAccessEntry
            {
                AppealId = appealId,
                UserId = client.FiledBy.UserId,
                Party = client.Capacity == FilerCapacity.Self ? AppealParty.Appellant : AppealParty.Representative,
                CanAddDocuments = true,
                CanAct = true,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
