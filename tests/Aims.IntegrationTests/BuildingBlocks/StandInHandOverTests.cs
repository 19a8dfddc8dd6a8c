using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Web;
using Aims.Host.Composition;
using Aims.Host.Messaging;
using Aims.MessagingProbe;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// A previous version's database with rows still pending in the retired stand-in (ADR 0050): migrate hands them to
/// Wolverine once (an email, an event's receivers not yet done, a keyed reminder for its time) and drops the stand-in.
/// </summary>
public sealed class StandInHandOverTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);

    // The stand-in's tables exactly as BuildingBlocks migrations 0001_messages and 0002_write_order made them.
    private const string PreviousSchema =
        """
        CREATE TABLE messaging.messages (
            id uuid PRIMARY KEY, type text NOT NULL, payload jsonb NOT NULL, key text NULL, due_at timestamptz NOT NULL,
            status smallint NOT NULL DEFAULT 0, attempts integer NOT NULL DEFAULT 0, locked_until timestamptz NULL, locked_by text NULL,
            last_error text NULL, correlation_id text NULL, causation_id text NULL, actor text NULL, created_at timestamptz NOT NULL,
            completed_at timestamptz NULL);
        CREATE INDEX messages_pending_due ON messaging.messages (due_at) WHERE status = 0;
        CREATE UNIQUE INDEX messages_pending_key ON messaging.messages (key) WHERE status = 0;
        CREATE INDEX messages_status_completed ON messaging.messages (status, completed_at);
        CREATE TABLE messaging.inbox (
            message_id uuid NOT NULL, handler text NOT NULL, processed_at timestamptz NOT NULL, PRIMARY KEY (message_id, handler));
        ALTER TABLE messaging.messages ADD COLUMN written bigint GENERATED ALWAYS AS IDENTITY;
        """;

    private readonly ManualTimeProvider clock = new(Start);
    private string database = "";

    [SetUp]
    public void ResetProbeReceivers()
    {
        clock.SetUtcNow(Start);
        StallingHandler.RefusePoison = false;
        StallingHandler.PoisonAccepted = 0;
    }

    [Test]
    public async Task Migrate_hands_pending_messages_to_Wolverine_once_runs_only_receivers_not_done_and_drops_the_stand_in()
    {
        await using var smtp = new SmtpTestServer();
        await using var services = await PreviousVersionAsync("aims_test_standin_handover", smtp);
        var noteId = Guid.NewGuid();
        var noteAdded = Guid.NewGuid();
        // An email the stand-in had tried twice (the server was down); an event one of whose two receivers had committed; a
        // reminder keyed and due at 4:00 PM; an email dead-lettered (refused mailbox); a reminder delivered and one cancelled.
        await ExecuteAsync(
            $$"""
            INSERT INTO messaging.messages (id, type, payload, due_at, attempts, last_error, created_at, correlation_id) VALUES
              (gen_random_uuid(), 'Aims.BuildingBlocks.Mail.SendEmail',
               '{"messageId":"<handover-1@aims.test>","to":"pat@provider.example","subject":"Appeal received","textBody":"We received your appeal.","htmlBody":null,"attachments":null}',
               '2026-11-20T13:55:00Z', 2, 'Connection refused', '2026-11-20T13:50:00Z', 'corr-email');
            INSERT INTO messaging.messages (id, type, payload, due_at, created_at, actor, correlation_id) VALUES
              ('{{noteAdded}}', 'Aims.MessagingProbe.NoteAdded', '{"noteId":"{{noteId}}","text":"poison"}', '2026-11-20T13:58:00Z', '2026-11-20T13:58:00Z', 'clerk-7', 'corr-note');
            INSERT INTO messaging.inbox (message_id, handler, processed_at) VALUES ('{{noteAdded}}', 'Aims.MessagingProbe.RecordingReceiver', '2026-11-20T13:58:01Z');
            INSERT INTO messaging.messages (id, type, payload, key, due_at, created_at) VALUES
              (gen_random_uuid(), 'Aims.MessagingProbe.ProbeMessage', '{"number":7,"failTimes":0}', 'hearing-reminder:handover', '2026-11-20T16:00:00Z', '2026-11-20T13:00:00Z');
            INSERT INTO messaging.messages (id, type, payload, due_at, status, attempts, last_error, created_at, completed_at) VALUES
              (gen_random_uuid(), 'Aims.BuildingBlocks.Mail.SendEmail',
               '{"messageId":"<handover-2@aims.test>","to":"nobody@provider.example","subject":"Appeal received","textBody":"We received your appeal.","htmlBody":null,"attachments":null}',
               '2026-11-20T12:00:00Z', 2, 1, E'Aims.BuildingBlocks.Messaging.PermanentFailureException: 550 mailbox unavailable\n   at Aims.BuildingBlocks.Mail.SendEmailHandler.Handle()',
               '2026-11-20T12:00:00Z', '2026-11-20T12:00:05Z');
            INSERT INTO messaging.messages (id, type, payload, key, due_at, status, created_at, completed_at) VALUES
              (gen_random_uuid(), 'Aims.MessagingProbe.ProbeMessage', '{"number":8,"failTimes":0}', NULL, '2026-11-20T12:00:00Z', 1, '2026-11-20T11:00:00Z', '2026-11-20T12:00:01Z'),
              (gen_random_uuid(), 'Aims.MessagingProbe.ProbeMessage', '{"number":9,"failTimes":0}', 'hearing-reminder:moved', '2026-11-21T16:00:00Z', 3, '2026-11-20T11:00:00Z', '2026-11-20T12:00:00Z');
            """);
        var migrator = services.GetRequiredService<SchemaMigrator>();

        (await migrator.MigrateAsync(CancellationToken.None)).ShouldBe(4, "the email, the event's one receiver not done, the reminder, the dead letter; not the delivered or cancelled");
        (await migrator.MigrateAsync(CancellationToken.None)).ShouldBe(0);

        (await ScalarAsync("SELECT to_regclass('messaging.messages') IS NULL AND to_regclass('messaging.inbox') IS NULL")).ShouldBe(true);
        await WolverineInbox.WaitUntilHandledAsync(services);
        var email = smtp.Received.ShouldHaveSingleItem();
        email.Message.MessageId.ShouldBe("handover-1@aims.test");
        email.EnvelopeTo.ShouldBe(["pat@provider.example"]);
        // RecordingReceiver had committed for the event under the stand-in: only the other receiver ran.
        (await ScalarAsync($"SELECT count(*) FROM probe.received WHERE note_id = '{noteId}'")).ShouldBe(0L);
        StallingHandler.PoisonAccepted.ShouldBe(1);
        var eventEnvelope = (await WolverineInbox.EnvelopesAsync(services)).Where(e => e.MessageType == typeof(NoteAdded).FullName).ShouldHaveSingleItem();
        eventEnvelope.Headers[ReceiverDispatch.ReceiverHeader].ShouldBe(typeof(StallingHandler).FullName);
        eventEnvelope.Headers[ReceiverDispatch.ActorHeader].ShouldBe("clerk-7");
        eventEnvelope.CorrelationId.ShouldBe("corr-note");
        // The dead letter is Wolverine's now, with the stand-in's error, for the operations page to retry or discard.
        var dead = (await WolverineInbox.DeadLettersAsync(services)).ShouldHaveSingleItem();
        dead.ExceptionMessage.ShouldBe("Aims.BuildingBlocks.Messaging.PermanentFailureException: 550 mailbox unavailable");
        dead.Envelope.Headers[ReceiverDispatch.ReceiverHeader].ShouldBe("Aims.Notifications.Sending.SendEmailHandler");

        // The reminder waits in Wolverine for 4:00 PM on 11/20/2026, current for its key, and fires once when due.
        var reminder = (await WolverineInbox.ScheduledAsync(services)).ShouldHaveSingleItem();
        (reminder.Key, reminder.DueAt, reminder.Envelope.MessageType).ShouldBe(("hearing-reminder:handover", Start.AddHours(2), typeof(ProbeMessage).FullName));
        (await ScalarAsync("SELECT envelope_id FROM messaging.scheduled WHERE key = 'hearing-reminder:handover'")).ShouldBe(reminder.Envelope.Id);
        clock.SetUtcNow(Start.AddHours(2).AddMinutes(-1));
        (await WolverineInbox.MakeDueAsync(services)).ShouldBe(0);
        clock.SetUtcNow(Start.AddHours(2));
        (await WolverineInbox.MakeDueAsync(services)).ShouldBe(1);
        await WolverineInbox.WaitUntilHandledAsync(services);
        (await ScalarAsync("SELECT count(*) FROM probe.received WHERE note_id IS NULL")).ShouldBe(1L);
        clock.SetUtcNow(Start.AddDays(2));
        (await WolverineInbox.MakeDueAsync(services)).ShouldBe(0, "the delivered and the cancelled rows were not handed over");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // longer than Wolverine's scheduled-job poll
        (await ScalarAsync("SELECT count(*) FROM probe.received")).ShouldBe(1L);
        smtp.Received.Count.ShouldBe(1);
    }

    [Test]
    public async Task A_pending_message_of_a_type_this_version_does_not_know_stops_migrate_with_one_line_and_nothing_moved()
    {
        await using var smtp = new SmtpTestServer();
        await using var services = await PreviousVersionAsync("aims_test_standin_handover_unknown", smtp);
        var unknown = Guid.NewGuid();
        await ExecuteAsync(
            $$"""
            INSERT INTO messaging.messages (id, type, payload, due_at, created_at) VALUES
              (gen_random_uuid(), 'Aims.MessagingProbe.ProbeMessage', '{"number":1}', '2026-11-20T13:00:00Z', '2026-11-20T13:00:00Z'),
              ('{{unknown}}', 'Gone.Module.OldEvent', '{}', '2026-11-20T13:00:00Z', '2026-11-20T13:00:00Z');
            """);

        var failure = await Should.ThrowAsync<StartupException>(() => services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None));

        failure.Message.ShouldBe(
            $"The message {unknown} left by the retired stand-in is a Gone.Module.OldEvent, which this version does not know: " +
            "delete that row (or let the version that wrote it send it first), then start again. No message was moved.");
        (await ScalarAsync("SELECT count(*) FROM messaging.messages WHERE status = 0")).ShouldBe(2L);
        (await WolverineInbox.EnvelopesAsync(services)).ShouldBeEmpty();
        (await ScalarAsync("SELECT count(*) FROM messaging.scheduled")).ShouldBe(0L);
    }

    /// <summary>A database migrated as today, plus the stand-in's tables as the previous version left them; its Wolverine node runs.</summary>
    private async Task<ServiceProvider> PreviousVersionAsync(string name, SmtpTestServer smtp)
    {
        database = await TestDatabase.RecreateAsync(name);
        var services = ProbeComposition.Build(database, new Dictionary<string, string?>(smtp.MailSettings)
        {
            ["Aims:Mail:From"] = "AIMS <no-reply@aims.test>",
            ["Aims:Messaging:NodeHealthCheck"] = "00:00:01",
            ["Aims:Messaging:AgentAssignmentCheck"] = "00:00:01",
        }, clock);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        await ExecuteAsync(PreviousSchema);
        return services;
    }

    private async Task ExecuteAsync(string sql) => await ScalarAsync(sql + "; SELECT 1");

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
