using Aims.Host.Composition;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.Testing;

/// <summary>
/// The receivers' pool skips Npgsql's reset (ADR 0055, amended), so whatever a receiver left on its connection would meet
/// the next receiver: this takes the pool's connections, the ones receivers used first, and reads what each still carries.
/// </summary>
public static class ReceiverConnections
{
    private const string Leftovers = """
        SELECT (SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory'),
               (SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema()),
               (SELECT coalesce(string_agg(name, ','), '') FROM pg_settings WHERE source = 'session'),
               (SELECT count(*) FROM pg_listening_channels()),
               (SELECT count(*) FROM pg_cursors WHERE is_holdable),
               current_setting('plan_cache_mode'),
               (SELECT backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid())
        """;

    /// <summary>
    /// What one connection of the receivers' pool carries; <see cref="Clean"/> when nothing of a previous run. (An open
    /// transaction cannot be left: Npgsql rolls one back when a connection returns to its pool, reset or not.)
    /// </summary>
    public sealed record State(int Pid, long AdvisoryLocks, long TempTables, string SessionSettings, long Listening, long HeldCursors,
        string PlanCacheMode, DateTimeOffset Started)
    {
        public bool Clean => AdvisoryLocks == 0 && TempTables == 0 && SessionSettings.Length == 0 && Listening == 0 && HeldCursors == 0;
    }

    /// <summary>The database's clock: connections started before it served receivers (only they use the pool).</summary>
    public static async Task<DateTimeOffset> DatabaseNowAsync(IServiceProvider services)
    {
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT clock_timestamp()");
        return (DateTimeOffset)(DateTime)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Opens <paramref name="count"/> connections of the receivers' pool at once (the idle ones come first, so every
    /// connection a receiver gave back is among them) and reads each one's state.
    /// </summary>
    public static async Task<IReadOnlyList<State>> InspectAsync(IServiceProvider services, int count = 16)
    {
        var pool = services.GetRequiredKeyedService<NpgsqlDataSource>(AimsServiceCollectionExtensions.ReceiverDataSourceKey);
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                connections.Add(await pool.OpenConnectionAsync());
            }

            var states = new List<State>();
            foreach (var connection in connections)
            {
                await using var command = new NpgsqlCommand(Leftovers, connection);
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                states.Add(new State(connection.ProcessID, reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3),
                    reader.GetInt64(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
            }

            return states;
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
