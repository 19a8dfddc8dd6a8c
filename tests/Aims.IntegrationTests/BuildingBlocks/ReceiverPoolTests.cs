using Aims.BuildingBlocks.Messaging;
using Aims.Host.Composition;
using Aims.MessagingProbe;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// Receivers run on a pool of their own (ADR 0055, amended): prepared statements keep generic plans there, and a
/// connection goes back without Npgsql's reset, so nothing a receiver runs may leave session state behind.
/// </summary>
public sealed class ReceiverPoolTests : ProbeTest
{
    private NpgsqlDataSource ReceiverPool => Services.GetRequiredKeyedService<NpgsqlDataSource>(AimsServiceCollectionExtensions.ReceiverDataSourceKey);

    [Test]
    public async Task The_receivers_pool_plans_generically_and_skips_the_reset_while_the_hosts_pool_keeps_both()
    {
        var hosts = Services.GetRequiredService<NpgsqlDataSource>();
        new NpgsqlConnectionStringBuilder(hosts.ConnectionString).NoResetOnClose.ShouldBeFalse();
        new NpgsqlConnectionStringBuilder(ReceiverPool.ConnectionString).NoResetOnClose.ShouldBeTrue();
        (await ShowAsync(hosts, "plan_cache_mode")).ShouldBe("force_custom_plan");
        (await ShowAsync(ReceiverPool, "plan_cache_mode")).ShouldBe("auto");
        (await ShowAsync(ReceiverPool, "application_name")).ShouldBe("aims-tests-receivers");

        // What the reset would have undone stays on the connection: hence the test below.
        int pid;
        await using (var connection = await ReceiverPool.OpenConnectionAsync())
        {
            pid = connection.ProcessID;
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(20551)", connection);
            await command.ExecuteNonQueryAsync();
        }

        var states = await ReceiverConnections.InspectAsync(Services);
        var reused = states.Single(s => s.Pid == pid);
        reused.AdvisoryLocks.ShouldBe(1);
        reused.Clean.ShouldBeFalse();
        // The lock goes with the connection when the test's services close the pool.
    }

    [Test]
    public async Task Receivers_that_commit_roll_back_retry_and_dead_letter_leave_their_connections_clean()
    {
        RecordingReceiver.FailuresSoFar = 0;
        StallingHandler.RefusePoison = true;
        try
        {
            for (var n = 1; n <= 20; n++)
            {
                await Services.SendAsync(new AddNote($"note {n}"));
            }

            // Refused for good (rolled back, dead-lettered) and failing twice before it commits (rolled back, retried),
            // the latter keyed, so its run takes the key row.
            await Services.SendAsync(new AddNote(StallingHandler.Poison));
            await Services.InUnitOfWorkAsync(async scope =>
            {
                await scope.GetRequiredService<IOutbox>().ScheduleAsync(new ProbeMessage(1, FailTimes: 2), DateTimeOffset.UtcNow, "reminder:pool");
                return true;
            });

            await WolverineInbox.WaitForDeadLettersAsync(Services, 1, TimeSpan.FromSeconds(60));
            await WolverineInbox.WaitUntilHandledAsync(Services);
            (await ProbeServices.CountAsync("probe.received")).ShouldBe(22);
            RecordingReceiver.FailuresSoFar.ShouldBe(3);
        }
        finally
        {
            StallingHandler.RefusePoison = false;
        }

        var receiversDone = await ReceiverConnections.DatabaseNowAsync(Services);
        var states = await ReceiverConnections.InspectAsync(Services);

        states.Count(s => s.Started < receiversDone).ShouldBeGreaterThan(0, "connections the receivers gave back are among those inspected");
        states.Where(s => !s.Clean).ShouldBeEmpty();
        states.ShouldAllBe(s => s.PlanCacheMode == "auto");
    }

    private static async Task<string> ShowAsync(NpgsqlDataSource source, string setting)
    {
        await using var command = source.CreateCommand($"SELECT current_setting('{setting}')");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
