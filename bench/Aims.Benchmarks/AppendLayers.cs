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
    public async Task<long> SqlAsync(Guid stream, long version)
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var append = new NpgsqlBatchCommand(
            "select probe.mt_quick_append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)");
        append.Parameters.Add(new NpgsqlParameter { Value = stream, NpgsqlDbType = NpgsqlDbType.Uuid });
        append.Parameters.Add(new NpgsqlParameter { Value = "counter", NpgsqlDbType = NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = "*DEFAULT*", NpgsqlDbType = NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = new[] { Guid.NewGuid() }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        append.Parameters.Add(new NpgsqlParameter { Value = new[] { "counter_incremented" }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = new[] { typeof(CounterIncremented).AssemblyQualifiedName! }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = new[] { "{\"amount\":1}" }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        append.Parameters.Add(new NpgsqlParameter { Value = new byte[]?[] { null }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        append.Parameters.Add(new NpgsqlParameter { Value = new string?[] { null }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = new[] { "bench" }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = new[] { "tester" }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        append.Parameters.Add(new NpgsqlParameter { Value = new[] { DateTime.UtcNow }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        // Marten checks the expected version in the function (the version before these events).
        append.Parameters.Add(new NpgsqlParameter { Value = version, NpgsqlDbType = NpgsqlDbType.Bigint });
        batch.BatchCommands.Add(append);
        var upsert = new NpgsqlBatchCommand(
            "INSERT INTO probe.counters (stream_id, total, events) VALUES ($1, $2, $3) " +
            "ON CONFLICT (stream_id) DO UPDATE SET total = counters.total + EXCLUDED.total, events = counters.events + EXCLUDED.events");
        upsert.Parameters.Add(new NpgsqlParameter { Value = stream });
        upsert.Parameters.Add(new NpgsqlParameter { Value = 1 });
        upsert.Parameters.Add(new NpgsqlParameter { Value = 1 });
        batch.BatchCommands.Add(upsert);
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return version + 1;
    }
}
