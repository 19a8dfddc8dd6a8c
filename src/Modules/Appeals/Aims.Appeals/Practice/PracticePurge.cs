using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aims.Appeals.Practice;

/// <summary>The nightly purge of practice data made before <paramref name="Night"/> began in Richmond.</summary>
internal sealed record PracticePurge(DateOnly Night) : IMessage;

/// <summary>
/// The purge is a durable scheduled message keyed by its night: each run and every host start schedules the next, so a
/// lost schedule is restored and two hosts starting together still leave one pending purge.
/// </summary>
internal static class PracticePurgeSchedule
{
    public static readonly TimeOnly RunsAt = new(1, 0);

    public static string Key(DateOnly night) => $"practice-purge:{night:yyyy-MM-dd}";

    /// <summary>The first night whose run time is still ahead of <paramref name="now"/>.</summary>
    public static DateOnly NextNight(BusinessCalendar calendar, DateTimeOffset now)
    {
        var today = calendar.ToLocalDate(now);
        return now < calendar.AtLocalTime(today, RunsAt) ? today : today.AddDays(1);
    }

    public static Task ScheduleAsync(IOutbox bus, BusinessCalendar calendar, DateOnly night, CancellationToken cancellationToken) =>
        bus.ScheduleAsync(new PracticePurge(night), calendar.AtLocalTime(night, RunsAt), Key(night), cancellationToken);
}

internal sealed class PracticePurgeHandler(
    PracticeDbContext db, IOutbox bus, BusinessCalendar calendar, TimeProvider time, ILogger<PracticePurgeHandler> logger)
    : INotificationHandler<PracticePurge>
{
    public async Task Handle(PracticePurge purge, CancellationToken cancellationToken)
    {
        // Npgsql writes timestamptz parameters in UTC only.
        var cutoff = calendar.AtLocalTime(purge.Night, TimeOnly.MinValue).ToUniversalTime();
        // Documents go with their appeal (ON DELETE CASCADE).
        var appeals = await db.Appeals.Where(a => a.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var completions = await db.Completions.Where(c => c.CompletedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Practice purge for {Night}: {Appeals} practice appeal(s) and {Completions} completion(s) removed.", purge.Night, appeals, completions);

        // A purge delivered late (the portal was down for days) schedules the coming night, not a string of past ones.
        var next = PracticePurgeSchedule.NextNight(calendar, time.GetUtcNow());
        await PracticePurgeSchedule.ScheduleAsync(bus, calendar, next > purge.Night ? next : purge.Night.AddDays(1), cancellationToken);
    }
}

/// <summary>
/// Schedules the coming night's purge once a starting host listens, so no start waits for it (issue 20). A failure is
/// only logged: real appeals are still served, and a later start or an already pending purge covers the night.
/// </summary>
internal sealed class PracticePurgeStartup(
    IServiceScopeFactory scopes, BusinessCalendar calendar, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<PracticePurgeStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return; // stopped before it ever started
            }
        }

        var night = PracticePurgeSchedule.NextNight(calendar, time.GetUtcNow());
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            await session.BeginAsync(stoppingToken);
            await PracticePurgeSchedule.ScheduleAsync(scope.ServiceProvider.GetRequiredService<IOutbox>(), calendar, night, stoppingToken);
            await session.CommitAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The practice purge for {Night} could not be scheduled.", night);
        }
    }
}
