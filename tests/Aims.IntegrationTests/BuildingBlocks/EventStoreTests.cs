using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Persistence;
using Aims.Appeals.Persistence;
using Aims.Host.Composition;
using Aims.MessagingProbe;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// Marten event streams on the unit of work's transaction: expected versions, inline projections in the append's
/// transaction, folding, metadata.
/// </summary>
public sealed class EventStoreTests : ProbeTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 30, 0, TimeSpan.Zero);

    protected override TimeProvider Clock { get; } = new ManualTimeProvider(Now);

    [Test]
    public async Task Appends_with_the_expected_version_fold_into_the_aggregate_and_the_projection()
    {
        var id = Guid.NewGuid();
        await Services.SendAsync(new StartCounter(id, "filings"));
        (await Services.SendAsync(new IncrementCounter(id, ExpectedVersion: 1, Amount: 5))).ShouldBe(2);
        (await Services.SendAsync(new IncrementCounter(id, ExpectedVersion: 2, Amount: 7))).ShouldBe(3);

        var counter = await LoadAsync(id);
        counter.ShouldNotBeNull();
        counter.Name.ShouldBe("filings");
        counter.Total.ShouldBe(12);
        counter.Version.ShouldBe(3);
        (await ProbeServices.ScalarAsync<int>("SELECT total FROM probe.counters WHERE stream_id = @id", ("id", id))).ShouldBe(12);
        (await ProbeServices.ScalarAsync<long>("SELECT version FROM probe.mt_streams WHERE id = @id", ("id", id))).ShouldBe(3);
    }

    [Test]
    public async Task Martens_append_function_keeps_its_plans_under_the_hosts_forced_custom_plans_after_every_migrate()
    {
        const string Setting = "SELECT array_to_string(proconfig, ',') FROM pg_proc WHERE oid = 'probe.mt_quick_append_events'::regproc";
        (await ProbeServices.ScalarAsync<string>(Setting)).ShouldBe("plan_cache_mode=auto");

        // Marten replacing its function drops the setting; migrate sets it again.
        await ProbeServices.ExecuteAsync("ALTER FUNCTION probe.mt_quick_append_events RESET ALL");
        await Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);

        (await ProbeServices.ScalarAsync<string>(Setting)).ShouldBe("plan_cache_mode=auto");
        var id = Guid.NewGuid();
        await Services.SendAsync(new StartCounter(id, "after migrate"));
        (await Services.SendAsync(new IncrementCounter(id, 1, 2))).ShouldBe(2);
    }

    [Test]
    public async Task Stale_expected_version_is_a_concurrency_conflict_and_appends_nothing()
    {
        var id = Guid.NewGuid();
        await Services.SendAsync(new StartCounter(id, "c"));
        await Services.SendAsync(new IncrementCounter(id, 1, 1));

        await Should.ThrowAsync<ConcurrencyException>(() => Services.SendAsync(new IncrementCounter(id, 1, 100)));

        (await LoadAsync(id))!.Total.ShouldBe(1);
        (await ProbeServices.CountAsync("probe.mt_events")).ShouldBe(2);
    }

    [Test]
    public async Task Two_writers_at_the_same_version_at_once_one_wins_the_other_gets_a_conflict()
    {
        var id = Guid.NewGuid();
        await Services.SendAsync(new StartCounter(id, "race"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await Services.SendAsync(new IncrementCounter(id, 1, 1));
                return "won";
            }
            catch (ConcurrencyException)
            {
                return "conflict";
            }
        }));

        outcomes.Order().ShouldBe(["conflict", "won"]);
        (await LoadAsync(id))!.Version.ShouldBe(2);
    }

    [Test]
    public async Task Starting_a_stream_that_exists_is_a_conflict()
    {
        var id = Guid.NewGuid();
        await Services.SendAsync(new StartCounter(id, "once"));

        await Should.ThrowAsync<ConcurrencyException>(() => Services.SendAsync(new StartCounter(id, "twice")));
    }

    [Test]
    public async Task Appending_to_a_missing_stream_is_not_found()
    {
        await Should.ThrowAsync<NotFoundException>(() => Services.SendAsync(new IncrementCounter(Guid.NewGuid(), 1, 1)));
    }

    [Test]
    public async Task A_failing_projection_rolls_back_the_append_with_it()
    {
        var id = Guid.NewGuid();
        await Services.SendAsync(new StartCounter(id, "guarded"));

        await Should.ThrowAsync<InvalidOperationException>(() => Services.SendAsync(new IncrementCounter(id, 1, -1)));

        (await ProbeServices.ScalarAsync<long>("SELECT version FROM probe.mt_streams WHERE id = @id", ("id", id))).ShouldBe(1);
        (await ProbeServices.CountAsync("probe.mt_events")).ShouldBe(1);
        (await ProbeServices.ScalarAsync<int>("SELECT events FROM probe.counters WHERE stream_id = @id", ("id", id))).ShouldBe(1);
    }

    [Test]
    public async Task Reading_a_stream_gives_each_event_with_actor_time_correlation_and_version()
    {
        var id = Guid.NewGuid();
        await Services.SendAsync(new StartCounter(id, "audited"), correlationId: "req-1", actor: "clerk-1");
        ((ManualTimeProvider)Clock).Advance(TimeSpan.FromDays(3));
        await Services.SendAsync(new IncrementCounter(id, 1, 3), correlationId: "req-2", actor: "clerk-2");

        await using var scope = Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<EventStreams>().ReadAsync(id, CancellationToken.None);

        events.Select(e => (e.Version, e.EventTypeName, e.UserName, e.CorrelationId)).ShouldBe(
            [(1L, nameof(CounterStarted), "clerk-1", "req-1"), (2L, nameof(CounterIncremented), "clerk-2", "req-2")]);
        // Every event is stamped by the AIMS clock, the later ones too (not the database's now(); ADR 0036):
        // started 20 Nov 2026 15:30 UTC, incremented three days later by the test's clock.
        events[0].Timestamp.ShouldBe(Now);
        events[1].Timestamp.ShouldBe(new DateTimeOffset(2026, 11, 23, 15, 30, 0, TimeSpan.Zero));
        events.ShouldAllBe(e => e.StreamId == id);
        events[1].Data.ShouldBe(new CounterIncremented(3));
        events[1].Sequence.ShouldBeGreaterThan(events[0].Sequence);
    }

    private async Task<Counter?> LoadAsync(Guid id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventStreams>().LoadAsync<Counter>(id, CancellationToken.None);
    }
}
