using System.Globalization;
using Aims.BuildingBlocks.Messaging;
using Aims.Host.Messaging;
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

    /// <summary>The envelopes of one message type (a <c>SendEmail</c>: "was it sent, or is it waiting for a retry?").</summary>
    public static async Task<IReadOnlyList<Envelope>> OfTypeAsync<T>(IServiceProvider services) =>
        (await EnvelopesAsync(services)).Where(e => e.MessageType == MessageTypeRegistry.NameOf(typeof(T))).ToList();

    /// <summary>
    /// Envelopes still to be handled: waiting, being handled, retries, and scheduled messages already due by the AIMS
    /// clock <paramref name="aimsNow"/> (a scheduled message due later by that clock is not pending).
    /// </summary>
    public static Task<int> PendingAsync(IServiceProvider services) =>
        PendingAsync(services.GetRequiredService<IMessageStore>(), services.GetRequiredService<TimeProvider>().GetUtcNow());

    public static async Task<int> PendingAsync(IMessageStore store, DateTimeOffset? aimsNow = null) =>
        (await EnvelopesAsync(store)).Count(e => e.Status == EnvelopeStatus.Incoming
            || (e.Status == EnvelopeStatus.Scheduled && !(AimsDueAt(e) > (aimsNow ?? DateTimeOffset.UtcNow))));

    /// <summary>Waits until Wolverine has handled every pending envelope in its inbox (fails after <paramref name="timeout"/>).</summary>
    public static async Task WaitUntilHandledAsync(IServiceProvider services, TimeSpan? timeout = null)
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

    public static async Task WaitUntilHandledAsync(IMessageStore store, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        int pending;
        while ((pending = await PendingAsync(store)) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{pending} Wolverine envelope(s) still not handled after {timeout ?? TimeSpan.FromSeconds(30)}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>When a scheduled message is due by the AIMS clock (its header, ADR 0041); null for Wolverine's own retries.</summary>
    public static DateTimeOffset? AimsDueAt(Envelope envelope) =>
        envelope.Headers.TryGetValue(ScheduledWork.DueHeader, out var due) && due is not null
            ? DateTimeOffset.Parse(due, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;

    /// <summary>The key of a scheduled message ("appeal:{id}:remind:HearingSevenDays"), or null.</summary>
    public static string? KeyOf(Envelope envelope) => envelope.Headers.GetValueOrDefault(ScheduledWork.KeyHeader);

    /// <summary>
    /// Scheduled messages still waiting (not yet handled), soonest first by the AIMS clock: "what is scheduled for when?".
    /// A replaced or cancelled one is cancelled in Wolverine after its commit, so it is not here.
    /// </summary>
    public static async Task<IReadOnlyList<ScheduledEnvelope>> ScheduledAsync(IServiceProvider services) =>
        (await EnvelopesAsync(services))
            .Where(e => e.Status == EnvelopeStatus.Scheduled && AimsDueAt(e) is not null)
            .Select(e => new ScheduledEnvelope(KeyOf(e), AimsDueAt(e)!.Value, e.Message, e))
            .OrderBy(s => s.DueAt)
            .ToList();

    /// <summary>Scheduled messages that were handled ("did it fire?"): Wolverine keeps handled envelopes a while.</summary>
    public static async Task<IReadOnlyList<ScheduledEnvelope>> HandledScheduledAsync(IServiceProvider services) =>
        (await EnvelopesAsync(services))
            .Where(e => e.Status == EnvelopeStatus.Handled && AimsDueAt(e) is not null)
            .Select(e => new ScheduledEnvelope(KeyOf(e), AimsDueAt(e)!.Value, e.Message, e))
            .ToList();

    /// <summary>
    /// The test's stand-in for time passing: Wolverine's poller goes by the system clock, so every scheduled message due
    /// by the (moved) AIMS clock is rescheduled to now through Wolverine's storage API; its poller then runs it.
    /// </summary>
    public static async Task<int> MakeDueAsync(IServiceProvider services)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var store = services.GetRequiredService<IMessageStore>();
        var due = (await EnvelopesAsync(store)).Where(e => e.Status == EnvelopeStatus.Scheduled && AimsDueAt(e) <= now).ToList();
        foreach (var envelope in due)
        {
            await store.ScheduledMessages.RescheduleAsync(envelope.Id, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        return due.Count;
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

/// <summary>A scheduled message as a test sees it: its key, when it is due by the AIMS clock, the message itself.</summary>
public sealed record ScheduledEnvelope(string? Key, DateTimeOffset DueAt, object? Message, Envelope Envelope);
