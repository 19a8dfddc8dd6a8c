using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Aims.Testing;

/// <summary>
/// "Was this message handled, is anything still waiting?" asked through Wolverine's own storage API, never with SQL
/// into its tables.
/// </summary>
public static class WolverineInbox
{
    /// <summary>Every envelope in Wolverine's inbox (one per receiver of a published event), whatever its status.</summary>
    public static Task<IReadOnlyList<Envelope>> EnvelopesAsync(IServiceProvider services) => EnvelopesAsync(services.GetRequiredService<IMessageStore>());

    public static async Task<IReadOnlyList<Envelope>> EnvelopesAsync(IMessageStore store) => await store.Admin.AllIncomingAsync();

    /// <summary>Envelopes not yet handled (waiting, being handled, or scheduled).</summary>
    public static Task<int> PendingAsync(IServiceProvider services) => PendingAsync(services.GetRequiredService<IMessageStore>());

    public static async Task<int> PendingAsync(IMessageStore store) =>
        (await EnvelopesAsync(store)).Count(e => e.Status != EnvelopeStatus.Handled);

    /// <summary>Waits until Wolverine has handled every envelope in its inbox (fails after <paramref name="timeout"/>).</summary>
    public static Task WaitUntilHandledAsync(IServiceProvider services, TimeSpan? timeout = null) =>
        WaitUntilHandledAsync(services.GetRequiredService<IMessageStore>(), timeout);

    public static async Task WaitUntilHandledAsync(IMessageStore services, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        int pending;
        while ((pending = await PendingAsync(services)) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{pending} Wolverine envelope(s) still not handled after {timeout ?? TimeSpan.FromSeconds(30)}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Wolverine's dead letters (error type and message, the envelope with its headers), from its storage API.</summary>
    public static async Task<IReadOnlyList<DeadLetterEnvelope>> DeadLettersAsync(IServiceProvider services) =>
        (await services.GetRequiredService<IMessageStore>().DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery(), CancellationToken.None)).Envelopes;

    /// <summary>Waits until Wolverine holds <paramref name="count"/> dead letters (fails after <paramref name="timeout"/>).</summary>
    public static async Task<IReadOnlyList<DeadLetterEnvelope>> WaitForDeadLettersAsync(IServiceProvider services, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        IReadOnlyList<DeadLetterEnvelope> dead;
        while ((dead = await DeadLettersAsync(services)).Count != count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{dead.Count} Wolverine dead letter(s), not {count}, after {timeout ?? TimeSpan.FromSeconds(30)}.");
            }

            await Task.Delay(50);
        }

        return dead;
    }

    /// <summary>Empties Wolverine's inbox, outbox and dead letters, for a test that starts from nothing.</summary>
    public static Task ClearAsync(IServiceProvider services) => services.GetRequiredService<IMessageStore>().Admin.ClearAllAsync();

        /// <summary>
        /// Wolverine's inbox envelopes by status, read from its documented table: its store is internal and cannot be made
        /// without joining the cluster (and perhaps leading it).
        /// </summary>
    public static async Task<(long Handled, long Pending)> CountOutsideAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE status = 'Handled'), count(*) FILTER (WHERE status <> 'Handled') FROM wolverine.wolverine_incoming_envelopes",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Waits, from outside the cluster, until nothing in Wolverine's inbox is pending.</summary>
    public static async Task WaitUntilHandledOutsideAsync(string connectionString, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await CountOutsideAsync(connectionString)).Pending > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{(await CountOutsideAsync(connectionString)).Pending} Wolverine envelope(s) still not handled after {timeout}.");
            }

            await Task.Delay(100);
        }
    }
}
