using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Cases;

/// <summary>
/// What every case action shares: load, refuse a stale version or a lost race with "changed, reload" (409), append, and
/// once closed cancel the clocks and a hearing still ahead; re-plan reminders. Whether it may happen is the appeal's to say.
/// </summary>
internal sealed class CaseWork(EventStreams store, IOutbox bus, BusinessCalendar calendar, TimeProvider time, IStringLocalizer<AppealsText> t)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => calendar.ToLocalDate(time.GetUtcNow());

    public async Task<Appeal> LoadAsync(Guid appealId, long? seenVersion, CancellationToken cancellationToken)
    {
        var appeal = await store.LoadAppealAsync(appealId, cancellationToken) ?? throw new NotFoundException("No such appeal.");
        if (seenVersion is { } seen && seen != appeal.Version)
        {
            throw Changed(appeal);
        }

        return appeal;
    }

    /// <summary>
    /// One action from load to append. The appeal's refusal comes before the version check, so a second tab hears "already
    /// withdrawn" rather than "changed"; a lost race is told the same way when the reloaded appeal now refuses.
    /// </summary>
    public async Task<(Appeal Appeal, TEvent Change)> ActAsync<TEvent>(
        Guid appealId, long? seenVersion, Func<Appeal, TEvent> decide, CancellationToken cancellationToken) where TEvent : notnull
    {
        var appeal = await store.LoadAppealAsync(appealId, cancellationToken) ?? throw new NotFoundException("No such appeal.");
        var change = decide(appeal);
        if (seenVersion is { } seen && seen != appeal.Version)
        {
            throw Changed(appeal);
        }

        try
        {
            await AppendAsync(appeal, change, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            if (await store.LoadAppealAsync(appealId, cancellationToken) is { } now)
            {
                decide(now);
            }

            throw;
        }

        return (appeal, change);
    }

    public Task AppendAsync(Appeal appeal, object change, CancellationToken cancellationToken) => AppendAsync(appeal, [change], cancellationToken);

    /// <summary>Several events that make one action (an answer and what it sets off), appended together or not at all.</summary>
    public async Task AppendAsync(Appeal appeal, IReadOnlyList<object> changes, CancellationToken cancellationToken)
    {
        var wasOpen = !appeal.IsClosed;
        var hearing = appeal.Hearing;
        try
        {
            await store.AppendAsync(appeal.Id, appeal.Version, changes, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw Changed(appeal);
        }

        foreach (var change in changes)
        {
            appeal.When(change);
        }

        if (appeal.IsClosed)
        {
            await CaseClocks.CancelAllAsync(bus, appeal.Id, cancellationToken);
            if (wasOpen && hearing is not null && hearing.StartsAt > time.GetUtcNow())
            {
                await bus.PublishAsync(CaseAnnouncements.Cancelled(appeal, hearing, appeal.Version + changes.Count), cancellationToken);
            }
        }

        await CaseReminders.PlanAsync(bus, calendar, time.GetUtcNow(), appeal, cancellationToken);
    }

    // Worded in the request's language: Spanish on an agency's page, English on the staff screens and the API.
    private ConcurrencyException Changed(Appeal appeal) =>
        new(t["{0} changed since you opened it: reload it, check what changed, and try again.", appeal.CaseNumber]);
}
