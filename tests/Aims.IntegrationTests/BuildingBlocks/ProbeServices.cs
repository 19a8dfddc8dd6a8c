using Aims.BuildingBlocks.Persistence;
using Aims.MessagingProbe;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// The probe module's services for in-process tests (Wolverine delivers; scheduled messages are made due by the test's
/// clock), and SQL helpers for the probe's own tables.
/// </summary>
internal static class ProbeServices
{
    /// <param name="deliverEvents">false where a probe process, not this one, is to deliver the events published here.</param>
    public static ServiceProvider Create(TimeProvider? clock = null, IDictionary<string, string?>? settings = null, bool deliverEvents = true) =>
        ProbeComposition.Build(
            BuildingBlocksDatabase.ConnectionString,
            new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["Aims:Messaging:DeliverEvents"] = deliverEvents ? "true" : "false",
                // As in the probe processes: a killed node's envelopes pass on within seconds, whoever leads.
                ["Aims:Messaging:NodeStaleAfter"] = "00:00:03",
                ["Aims:Messaging:NodeHealthCheck"] = "00:00:01",
                ["Aims:Messaging:AgentAssignmentCheck"] = "00:00:01",
            },
            clock);

    /// <summary>Stops this composition's Wolverine node, so it leaves the cluster before probe processes start.</summary>
    public static Task StopWolverineAsync(IServiceProvider services) =>
        ((Microsoft.Extensions.Hosting.IHostedService)services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>()).StopAsync(CancellationToken.None);

    /// <summary>Runs <paramref name="action"/> inside one committed transaction, as a command's handler would.</summary>
    public static async Task<T> InUnitOfWorkAsync<T>(this IServiceProvider services, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync(CancellationToken.None);
        var result = await action(scope.ServiceProvider);
        await session.CommitAsync(CancellationToken.None);
        return result;
    }

    public static async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(BuildingBlocksDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static Task ExecuteAsync(string sql) => ScalarAsync<object>(sql + "; SELECT 1");

    /// <summary>Each test starts with empty key, outgoing and probe tables.</summary>
    public static Task ResetAsync() => ExecuteAsync(
        "TRUNCATE messaging.scheduled, notifications.outgoing, probe.notes, probe.received, probe.counters, probe.mt_events, probe.mt_streams");

    public static Task<long> CountAsync(string sqlWhere) => ScalarAsync<long>($"SELECT count(*) FROM {sqlWhere}");
}
