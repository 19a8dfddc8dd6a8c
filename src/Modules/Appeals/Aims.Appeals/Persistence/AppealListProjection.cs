using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Aims.Appeals.Persistence;

/// <summary>
/// Marten inline projection keeping appeals.appeal_summaries and a client appeal's access row in step with each append, in
/// its transaction, copied from the appeal folded from the events, so the list never disagrees with <see cref="Appeal"/>.
/// </summary>
internal sealed class AppealListProjection : IProjection
{
    private static readonly string[] Columns =
    [
        "id", "case_number", "kind", "status", "appellant_name", "action_type", "provider_id", "agency_id", "medicaid_id", "filed_by",
        "filed_on", "timely", "expedited", "closed", "next_deadline", "next_deadline_what", "next_step", "npi", "agency_name", "flags",
        "case_worker_id", "case_worker_name", "decider_id", "decider_name", "hearing_at", "summary_due", "summary_filed_on", "clock_due",
        "clock_name", "version", "updated_at", "claim_references",
    ];

    private static readonly string Upsert =
        $"INSERT INTO appeals.appeal_summaries ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(_ => "?"))}) " +
        $"ON CONFLICT (id) DO UPDATE SET {string.Join(", ", Columns.Skip(1).Select(c => $"{c} = EXCLUDED.{c}"))}";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        foreach (var appended in events.GroupBy(e => e.StreamId))
        {
            // The stream as stored so far, then the events being appended now: in hand when the appeal was just
            // filed or loaded in this unit of work (ADR 0036), read otherwise.
            var stored = EventStreams.InHand(operations, appended.Key)
                ?? await operations.Events.FetchStreamAsync(appended.Key, token: cancellationToken);
            var known = stored.Select(e => e.Id).ToHashSet();
            var all = stored.Concat(appended.Where(e => !known.Contains(e.Id))).ToList();
            Write(operations, AppealStreams.Fold(appended.Key, all), all[^1].Timestamp, appended.Any(e => e.Data is ClientAppealFiled));
        }
    }

    /// <summary>Queues the appeal's list row (and, when it was just filed by a client, their access row).</summary>
    public static void Write(IDocumentOperations operations, Appeal appeal, DateTimeOffset updatedAt, bool justFiled)
    {
        var row = new AppealSummary { Id = appeal.Id };
        row.CopyFrom(appeal, updatedAt == default ? DateTimeOffset.UtcNow : updatedAt);
        operations.QueueSqlCommand(Upsert, Values(row));
        if (justFiled && appeal.Filing is ClientAppealFiled client)
        {
            // A client appeal belongs to people, not an organization: the filer, whether the appellant or their representative.
            var party = client.Capacity == FilerCapacity.Self ? AppealParty.Appellant : AppealParty.Representative;
            operations.QueueSqlCommand(
                "INSERT INTO appeals.appeal_access (appeal_id, user_id, party, can_add_documents, can_act) VALUES (?, ?, ?, true, true) ON CONFLICT DO NOTHING",
                appeal.Id, client.FiledBy.UserId, party.ToString());
        }
    }

    private static object[] Values(AppealSummary r) =>
    [
        r.Id, r.CaseNumber, r.Kind.ToString(), r.Status.ToString(), r.AppellantName, r.ActionType, Db(r.ProviderId), Db(r.AgencyId), Db(r.MedicaidId), r.FiledBy,
        r.FiledOn, r.Timely, r.Expedited, r.Closed, Db(r.NextDeadline), Db(r.NextDeadlineKind?.ToString()), Db(r.NextStep?.ToString()), Db(r.Npi), Db(r.AgencyName), r.Flags,
        Db(r.CaseWorkerId), Db(r.CaseWorkerName), Db(r.DeciderId), Db(r.DeciderName), Db(r.HearingAt?.ToUniversalTime()), Db(r.SummaryDue), Db(r.SummaryFiledOn), Db(r.ClockDue),
        Db(r.ClockKind?.ToString()), r.Version, r.UpdatedAt.ToUniversalTime(), r.ClaimReferences,
    ];

    private static object Db(object? value) => value ?? DBNull.Value;
}
