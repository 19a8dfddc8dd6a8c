using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using MediatR;

namespace Aims.MessagingProbe;

/// <summary>A scheduled message for the race and retry tests. <see cref="FailTimes"/> makes the receiver throw that many times.</summary>
public sealed record ProbeMessage(int Number, int FailTimes = 0) : IMessage;

/// <summary>The idempotent receiver: writes one row per delivered message into its own table.</summary>
public sealed class RecordingReceiver(DbSession session, OperationContext operation) :
    INotificationHandler<NoteAdded>, INotificationHandler<ProbeMessage>
{
    public static int FailuresSoFar;

    public Task Handle(NoteAdded notification, CancellationToken cancellationToken) =>
        RecordAsync(notification.NoteId, cancellationToken);

    public async Task Handle(ProbeMessage notification, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref FailuresSoFar) <= notification.FailTimes)
        {
            throw new InvalidOperationException($"Probe failure {FailuresSoFar} of {notification.FailTimes}.");
        }

        await RecordAsync(null, cancellationToken);
    }

    private async Task RecordAsync(Guid? noteId, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync(
            "INSERT INTO probe.received (message_id, note_id, correlation_id, process_id) VALUES (@id, @note, @correlation, @pid)",
            cancellationToken);
        command.Parameters.AddWithValue("id", Guid.Parse(operation.CausationId!));
        command.Parameters.AddWithValue("note", (object?)noteId ?? DBNull.Value);
        command.Parameters.AddWithValue("correlation", (object?)operation.CorrelationId ?? DBNull.Value);
        command.Parameters.AddWithValue("pid", Environment.ProcessId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// A second handler of <see cref="NoteAdded"/> that, when the probe process is told to, stops forever after the
/// receiver has committed, so a test can SIGKILL the relay between a handler's commit and the message's acknowledgement.
/// While <see cref="RefusePoison"/> is set it refuses a note titled <see cref="Poison"/> for good (the dead-letter tests);
/// a note titled <see cref="AlwaysFails"/> it fails with an ordinary exception every time.
/// </summary>
public sealed class StallingHandler : INotificationHandler<NoteAdded>
{
    public const string Variable = "PROBE_STALL_AFTER_RECEIVER";
    public const string Poison = "poison";

    /// <summary>A note titled so makes this receiver throw every time: retried, then dead-lettered.</summary>
    public const string AlwaysFails = "always fails";

    public static volatile bool RefusePoison;
    public static int PoisonAccepted;
    public static int AlwaysFailsAttempts;

    public async Task Handle(NoteAdded notification, CancellationToken cancellationToken)
    {
        if (notification.Text == AlwaysFails)
        {
            Interlocked.Increment(ref AlwaysFailsAttempts);
            throw new InvalidOperationException($"Note {notification.NoteId} fails every time.");
        }

        if (notification.Text == Poison)
        {
            if (RefusePoison)
            {
                throw new PermanentFailureException($"Note {notification.NoteId} is poison to this receiver.");
            }

            Interlocked.Increment(ref PoisonAccepted);
        }

        if (Environment.GetEnvironmentVariable(Variable) == "1")
        {
            Console.WriteLine($"STALLED {notification.NoteId}");
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
