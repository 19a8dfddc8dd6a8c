using System.Diagnostics;
using Aims.MessagingProbe;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Aims.Benchmarks;

/// <summary>
/// One-event appends timed layer by layer, so the gap to pgbench can be placed (ADR 0042): the same statements over bare
/// Npgsql in the same transaction shape (the floor an append can reach: <c>BEGIN</c>, Marten's append function and the
/// projection's upsert in one batch, <c>COMMIT</c>), Marten's own session on a transaction of its own (no DI scope, no
/// MediatR), and the whole pipeline. Each layer also reports the benchmark process's CPU time per append, which the
/// machine's load distorts far less than appends per second.
/// </summary>
internal sealed class AppendLayers(IServiceProvider services)
{
    /// <summary>Each layer's share of the clock, in rounds that take the layers in turn, so the machine's load falls on all alike.</summary>
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(2);
    private const int Rounds = 4;

    public delegate Task<long> Append(Guid stream, long version);

    public sealed record Result(double PerSecond, Latencies Latencies, double CpuMsPerAppend);

    /// <summary>
    /// Appends flat out with <paramref name="writers"/> writers, each on a stream of its own, for <see cref="Rounds"/>
    /// slices per layer, the layers taking turns.
    /// </summary>
    public static async Task<IReadOnlyList<Result>> RunAsync(IServiceProvider services, int writers, params Append[] layers)
    {
        var streams = new List<(Guid Stream, long Version)[]>();
        foreach (var append in layers)
        {
            var own = new (Guid, long)[writers];
            for (var i = 0; i < writers; i++)
            {
                // A few appends first, so the layer's code is compiled and its connections open before the clock starts.
                var stream = Guid.NewGuid();
                var version = await services.SendAsync(new StartCounter(stream, "bench"));
                for (var warm = 0; warm < 20; warm++)
                {
                    version = await append(stream, version);
                }

                own[i] = (stream, version);
            }

            streams.Add(own);
        }

        var latencies = layers.Select(_ => new Latencies()).ToArray();
        var seconds = new double[layers.Length];
        var cpu = new double[layers.Length];
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < Rounds; round++)
        {
            for (var layer = 0; layer < layers.Length; layer++)
            {
                var (append, own, times) = (layers[layer], streams[layer], latencies[layer]);
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
                {
                    while (clock.Elapsed < Slice)
                    {
                        var started = Stopwatch.GetTimestamp();
                        own[writer].Version = await append(own[writer].Stream, own[writer].Version);
                        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }));
                seconds[layer] += clock.Elapsed.TotalSeconds;
                process.Refresh();
                cpu[layer] += (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            }
        }

        return layers.Select((_, layer) => new Result(latencies[layer].Count / seconds[layer], latencies[layer], cpu[layer] / latencies[layer].Count)).ToList();
    }

    /// <summary>The whole pipeline: a DI scope, MediatR (logging → validation → unit of work), EventStreams, Marten, commit.</summary>
    public Task<long> PipelineAsync(Guid stream, long version) => services.SendAsync(new IncrementCounter(stream, version, 1));

    /// <summary>Marten alone: a session on a transaction of its own, the append and the inline projection, commit.</summary>
    public async Task<long> MartenAsync(Guid stream, long version)
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession(SessionOptions.ForTransaction(transaction));
        session.Events.Append(stream, version + 1, new CounterIncremented(1));
        await session.SaveChangesAsync();
        await transaction.CommitAsync();
        return version + 1;
    }

    /// <summary>
    /// The floor of the same shape: the statements Marten sends for a one-event quick append (its append function with
    /// the same arguments, the projection's upsert) as one batch in a transaction, then <c>COMMIT</c> — over bare Npgsql.
    /// </summary>
    public Task<long> SqlAsync(Guid stream, long version) => SqlAsync(stream, version, 1);

    /// <summary>
    /// The same statements in one round trip: the batch alone, which PostgreSQL runs as one implicit transaction (its
    /// commit comes with the batch's Sync), as if the unit of work could send <c>COMMIT</c> with its last statement.
    /// </summary>
    public Task<long> OneTripAsync(Guid stream, long version) => SqlAsync(stream, version, 1, oneTrip: true);

    /// <summary>
    /// The same-shape floor through a copy of Marten's function without its <c>plan_cache_mode = auto</c>, so under the
    /// host's forced custom plans it plans its statements on every call: the append as it was before ADR 0053.
    /// </summary>
    public Task<long> SqlCustomPlansAsync(Guid stream, long version) => SqlAsync(stream, version, 1, oneTrip: false, function: "floor_custom_append_events");

    /// <summary>The same-shape floor for an append of <paramref name="events"/> events: one call of Marten's function.</summary>
    public Task<long> SqlAsync(Guid stream, long version, int events) => SqlAsync(stream, version, events, oneTrip: false);

    private async Task<long> SqlAsync(Guid stream, long version, int events, bool oneTrip, string function = "mt_quick_append_events")
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = oneTrip ? null : await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var append = new NpgsqlBatchCommand(
            $"select probe.{function}($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)");
        append.Parameters.Add(new NpgsqlParameter { Value = stream, NpgsqlDbType = NpgsqlDbType.Uuid });
        append.Parameters.Add(new NpgsqlParameter { Value = "counter", NpgsqlDbType = NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = "*DEFAULT*", NpgsqlDbType = NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = Many(events, Guid.NewGuid), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        append.Parameters.Add(new NpgsqlParameter { Value = Many(events, () => "counter_incremented"), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = Many(events, () => typeof(CounterIncremented).AssemblyQualifiedName!), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = Many(events, () => "{\"amount\":1}"), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        append.Parameters.Add(new NpgsqlParameter { Value = Many<byte[]?>(events, () => null), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        append.Parameters.Add(new NpgsqlParameter { Value = Many<string?>(events, () => null), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = Many(events, () => "bench"), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = Many(events, () => "tester"), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = Many(events, () => DateTime.UtcNow), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        // Marten checks the expected version in the function (the version before these events).
        append.Parameters.Add(new NpgsqlParameter { Value = version, NpgsqlDbType = NpgsqlDbType.Bigint });
        batch.BatchCommands.Add(append);
        batch.BatchCommands.Add(Upsert(stream, events));
        await batch.ExecuteNonQueryAsync();
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        return version + events;
    }

    /// <summary>
    /// What a set-based append would cost (Marten's function inserts row by row): the events as one
    /// <c>INSERT … SELECT FROM unnest(…)</c> into a copy of Marten's events table (its indexes and foreign key), the
    /// stream's version moved, the projection's upsert, in one batch, then <c>COMMIT</c>.
    /// </summary>
    public async Task<long> SetBasedAsync(Guid stream, long version, int events)
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var insert = new NpgsqlBatchCommand(
            "INSERT INTO probe.floor_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, correlation_id, causation_id, user_name) " +
            "SELECT nextval('probe.mt_events_sequence'), e.id, $1, $2 + e.n, e.data, 'counter_incremented', '*DEFAULT*', $4, $5, false, 'bench', null, 'tester' " +
            "FROM unnest($3::uuid[], $6::jsonb[]) WITH ORDINALITY AS e(id, data, n)");
        insert.Parameters.Add(new NpgsqlParameter { Value = stream, NpgsqlDbType = NpgsqlDbType.Uuid });
        insert.Parameters.Add(new NpgsqlParameter { Value = version, NpgsqlDbType = NpgsqlDbType.Bigint });
        insert.Parameters.Add(new NpgsqlParameter { Value = Many(events, Guid.NewGuid), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        insert.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new NpgsqlParameter { Value = typeof(CounterIncremented).AssemblyQualifiedName!, NpgsqlDbType = NpgsqlDbType.Varchar });
        insert.Parameters.Add(new NpgsqlParameter { Value = Many(events, () => "{\"amount\":1}"), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        batch.BatchCommands.Add(insert);
        var moved = new NpgsqlBatchCommand("UPDATE probe.floor_streams SET version = $2 WHERE id = $1 AND version = $3");
        moved.Parameters.Add(new NpgsqlParameter { Value = stream, NpgsqlDbType = NpgsqlDbType.Uuid });
        moved.Parameters.Add(new NpgsqlParameter { Value = version + events, NpgsqlDbType = NpgsqlDbType.Bigint });
        moved.Parameters.Add(new NpgsqlParameter { Value = version, NpgsqlDbType = NpgsqlDbType.Bigint });
        batch.BatchCommands.Add(moved);
        batch.BatchCommands.Add(Upsert(stream, events));
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return version + events;
    }

    /// <summary>
    /// The cheapest transaction of an append's shape: <c>BEGIN</c> with pgbench's one-row insert, then <c>COMMIT</c> (two
    /// round trips), over Npgsql. No append of one event in a transaction of its own can be faster.
    /// </summary>
    public async Task<long> TransactionAsync(Guid stream, long version)
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO probe.floor_rows (v) VALUES (1)", connection, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return version + 1;
    }

    /// <summary>pgbench's one-row insert, autocommitted, from this process (one round trip): the .NET client's own pgbench.</summary>
    public async Task<long> AutocommitAsync(Guid stream, long version)
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO probe.floor_rows (v) VALUES (1)", connection);
        await insert.ExecuteNonQueryAsync();
        return version + 1;
    }

    /// <summary>
    /// The floors' own tables: pgbench's, and copies of Marten's events and streams tables (indexes, keys); and a copy of
    /// Marten's append function as it was before ADR 0053.
    /// </summary>
    public async Task CreateFloorTablesAsync()
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var create = new NpgsqlCommand(
            """
            CREATE TABLE probe.floor_rows (id bigserial PRIMARY KEY, v integer NOT NULL);
            CREATE TABLE probe.floor_streams (LIKE probe.mt_streams INCLUDING ALL);
            CREATE TABLE probe.floor_events (LIKE probe.mt_events INCLUDING ALL);
            ALTER TABLE probe.floor_events ADD FOREIGN KEY (stream_id) REFERENCES probe.floor_streams (id);
            DO $$ BEGIN EXECUTE replace(replace(pg_get_functiondef('probe.mt_quick_append_events'::regproc),
                'probe.mt_quick_append_events(', 'probe.floor_custom_append_events('), 'SET plan_cache_mode TO ''auto''', ''); END $$;
            """, connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>A stream in the set-based floor's copy of the streams table.</summary>
    public async Task<long> StartFloorStreamAsync(Guid stream)
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO probe.floor_streams (id, type, version, timestamp, tenant_id) VALUES ($1, 'counter', 0, now(), '*DEFAULT*')", connection);
        insert.Parameters.Add(new NpgsqlParameter { Value = stream, NpgsqlDbType = NpgsqlDbType.Uuid });
        await insert.ExecuteNonQueryAsync();
        return 0;
    }

    private static NpgsqlBatchCommand Upsert(Guid stream, int events)
    {
        var upsert = new NpgsqlBatchCommand(
            "INSERT INTO probe.counters (stream_id, total, events) VALUES ($1, $2, $3) " +
            "ON CONFLICT (stream_id) DO UPDATE SET total = counters.total + EXCLUDED.total, events = counters.events + EXCLUDED.events");
        upsert.Parameters.Add(new NpgsqlParameter { Value = stream });
        upsert.Parameters.Add(new NpgsqlParameter { Value = events });
        upsert.Parameters.Add(new NpgsqlParameter { Value = events });
        return upsert;
    }

    private static T[] Many<T>(int count, Func<T> value) => Enumerable.Range(0, count).Select(_ => value()).ToArray();
}
