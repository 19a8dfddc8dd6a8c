using Aims.Appeals.Drafts;
using Aims.Appeals.Model;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace Aims.Appeals.Persistence;

/// <summary>
/// The appeals' Marten event store (ADR 0034): one stream per appeal, <see cref="Appeal"/> folded live, the list row
/// kept by an inline projection in the append's transaction.
/// </summary>
internal static class AppealStreams
{
    /// <summary>Every event an appeal stream holds: new ones are added here.</summary>
    public static readonly Type[] EventTypes =
    [
        typeof(InformalAppealFiled), typeof(FormalAppealFiled), typeof(ClientAppealFiled), typeof(FormalAppealStarted),
        typeof(WithdrawnByAppellant), typeof(DecisionIssued), typeof(AuthorityProofOverdue), typeof(AuthorityProofReceived),
        typeof(AppealDocketed), typeof(AppealDismissed), typeof(CaseAssigned), typeof(HearingScheduled), typeof(HearingRescheduled),
        typeof(CaseSummaryFiled), typeof(AgencyAttendeesChanged), typeof(NoShowRecorded), typeof(GoodCauseAccepted), typeof(DeemedInProviderFavour), typeof(AgencyChanged),
        typeof(DivisionRequestMade), typeof(DivisionRequestAnswered),
    ];

    public static void Configure(StoreOptions options)
    {
        options.EventsNamedByType(EventTypes);
        // Live, not an inline snapshot: an appeal is a few dozen events at most, and the aggregate keeps the filing
        // event whole and its rules in private state, which a stored document would have to mirror (ADR 0034).
        options.Projections.Add(new AppealFold(), ProjectionLifecycle.Live);
        options.Projections.Add(new AppealListProjection(), ProjectionLifecycle.Inline);
        // Drafts are Marten documents (ADR 0036); "My appeals" lists a person's by the duplicated, indexed owner.
        options.Schema.For<AppealDraft>().DocumentAlias("appeal_draft").Duplicate(d => d.UserId);
    }

    /// <summary>
    /// The appeal as its stream stands, or null. Folded here, not by <c>AggregateStreamAsync</c>, so the events stay in hand for
    /// the following append's list projection (<see cref="EventStreams.InHand"/>): no second read.
    /// </summary>
    public static async Task<Appeal?> LoadAppealAsync(this EventStreams store, Guid appealId, CancellationToken cancellationToken)
    {
        var events = await store.ReadAsync(appealId, cancellationToken);
        return events.Count == 0 ? null : Fold(appealId, events.Select(e => e.Data));
    }

    /// <summary>Folds a whole stream, first event first (the list projection, which has the new events in hand).</summary>
    public static Appeal Fold(Guid appealId, IEnumerable<IEvent> events) => Fold(appealId, events.Select(e => e.Data));

    /// <summary>Folds events from the first (a filing folds its one event without reading what it just wrote).</summary>
    public static Appeal Fold(Guid appealId, IEnumerable<object> events)
    {
        var appeal = new Appeal { Id = appealId };
        foreach (var @event in events)
        {
            appeal.When(@event);
            appeal.Version++;
        }

        return appeal;
    }
}

/// <summary>How Marten folds an appeal stream: the appeal's own <see cref="Appeal.When"/>, one event at a time.</summary>
internal sealed class AppealFold : SingleStreamProjection<Appeal, Guid>
{
    public override Appeal Evolve(Appeal? snapshot, Guid id, IEvent e)
    {
        var appeal = snapshot ?? new Appeal { Id = id };
        appeal.When(e.Data);
        appeal.Version = e.Version;
        return appeal;
    }
}
