using System.Net;
using System.Net.Sockets;
using Aims.BuildingBlocks.Messaging;
using Aims.MessagingProbe;
using Aims.Notifications.Contracts;
using Aims.Notifications.Sending;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// Outgoing mail through Wolverine's sending queue and MailKit to a real SMTP listener (ADR 0030, 0047): retried when the
/// server is down, slow, or refuses TLS or authentication; dead-lettered at once when it refuses the mailbox; resent with
/// the same Message-ID when the database dies after the server took it.
/// </summary>
public sealed class MailTests : ProbeTest
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider clock = new(Start);
    private SmtpTestServer smtp = null!;
    private string folder = "";

    protected override TimeProvider Clock => clock;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(smtp.MailSettings)
    {
        ["Aims:Mail:From"] = "AIMS <no-reply@aims.test>",
        ["Aims:Mail:Folder"] = folder,
        ["Aims:Mail:Delivery"] = Delivery,
    };

    private string Delivery { get; set; } = "Smtp";

    protected override void BeforeComposing()
    {
        clock.SetUtcNow(Start);
        Delivery = "Smtp";
        smtp = new SmtpTestServer();
        folder = Path.Combine(Path.GetTempPath(), "aims-mail-" + Guid.NewGuid().ToString("N"));
    }

    [TearDown]
    public async Task StopListenerAsync()
    {
        await smtp.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_queued_email_is_sent_after_commit_with_its_message_id_both_bodies_and_its_attachment()
    {
        var messageId = await QueueAsync(new EmailMessage(
            "pat@provider.example", "Código de inicio de sesión", "Su código es 123456.\n.A line that starts with a dot.", "<p>Su código es <b>123456</b>.</p>",
            [new EmailAttachment("PI-2026-000001.ics", "text/calendar; method=PUBLISH; charset=utf-8", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")]));

        await SentAsync(messageId);

        var sent = smtp.Received.ShouldHaveSingleItem();
        sent.EnvelopeFrom.ShouldBe("no-reply@aims.test");
        sent.EnvelopeTo.ShouldBe(["pat@provider.example"]);
        var email = DeliveredMail.Parse(sent.Message);
        $"<{sent.Message.MessageId}>".ShouldBe(messageId);
        sent.Message.From.Mailboxes.Single().ToString().ShouldBe("\"AIMS\" <no-reply@aims.test>");
        email.To.ShouldBe("pat@provider.example");
        email.Subject.ShouldBe("Código de inicio de sesión");
        email.TextBody.ShouldBe("Su código es 123456.\n.A line that starts with a dot.");
        email.HtmlBody.ShouldBe("<p>Su código es <b>123456</b>.</p>");
        var attachment = sent.Message.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        attachment.FileName.ShouldBe("PI-2026-000001.ics");
        attachment.ContentType.MimeType.ShouldBe("text/calendar");
        attachment.ContentType.Parameters["method"].ShouldBe("PUBLISH");
        email.Attachments.Single().Content.ShouldBe("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        (await WolverineInbox.OfTypeAsync<SendEmail>(Services)).ShouldHaveSingleItem().Status.ShouldBe(Wolverine.EnvelopeStatus.Handled);
    }

    [Test]
    public async Task A_server_that_is_down_gets_the_same_message_again_later()
    {
        var port = smtp.Port;
        await smtp.DisposeAsync();
        var messageId = await QueueAsync(new EmailMessage("pat@provider.example", "Hearing notice", "Your hearing is on 2026-12-03."));

        // Wolverine's first quick retry comes after 0.2 s and its second after a further second: the server is back by then.
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        (await WolverineInbox.OfTypeAsync<SendEmail>(Services)).ShouldHaveSingleItem().Status.ShouldNotBe(Wolverine.EnvelopeStatus.Handled);
        smtp = new SmtpTestServer(port: port);

        await SentAsync(messageId);
        $"<{smtp.Received.ShouldHaveSingleItem().Message.MessageId}>".ShouldBe(messageId);
        (await WolverineInbox.DeadLettersAsync(Services)).ShouldBeEmpty();
    }

    [Test]
    public async Task A_server_that_never_answers_times_out_and_the_message_waits_for_a_retry()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Aims:Mail:SmtpPort"] = ((IPEndPoint)silent.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Aims:Mail:SmtpTimeout"] = "00:00:01",
        };
        await using var services = ProbeServices.Create(clock, settings);
        await services.InUnitOfWorkAsync(provider => provider.GetRequiredService<IOutgoingMail>().QueueAsync(new EmailMessage("pat@provider.example", "Code", "123456")));

        // A second connection means the first attempt gave up after its one-second timeout and the send was tried again.
        var connections = new List<TcpClient>();
        await Eventually.TrueAsync(async () =>
        {
            connections.Add(await silent.AcceptTcpClientAsync());
            return connections.Count >= 2;
        }, "a second attempt after the timeout", TimeSpan.FromSeconds(15));

        (await WolverineInbox.OfTypeAsync<SendEmail>(services)).ShouldHaveSingleItem().Status.ShouldNotBe(Wolverine.EnvelopeStatus.Handled);
        (await WolverineInbox.DeadLettersAsync(services)).ShouldBeEmpty();
        connections.ForEach(c => c.Dispose());
    }

    [Test]
    public async Task With_starttls_on_a_server_that_cannot_upgrade_gets_nothing_in_clear_and_the_message_waits()
    {
        await using var services = ProbeServices.Create(clock, new Dictionary<string, string?>(Settings) { ["Aims:Mail:StartTls"] = "true" });
        await services.InUnitOfWorkAsync(provider => provider.GetRequiredService<IOutgoingMail>().QueueAsync(new EmailMessage("pat@provider.example", "Code", "123456")));

        await Task.Delay(TimeSpan.FromSeconds(2));

        smtp.Received.ShouldBeEmpty();
        (await WolverineInbox.OfTypeAsync<SendEmail>(services)).ShouldHaveSingleItem().Status.ShouldNotBe(Wolverine.EnvelopeStatus.Handled);
        (await WolverineInbox.DeadLettersAsync(services)).ShouldBeEmpty();
    }

    [Test]
    public async Task A_server_that_requires_sign_in_gets_the_configured_credentials_and_a_wrong_password_is_retried()
    {
        await using var guarded = new SmtpTestServer(("aims-relay", "relay-secret-7"));
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Aims:Mail:SmtpPort"] = guarded.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Aims:Mail:SmtpUserName"] = "aims-relay",
            ["Aims:Mail:SmtpPassword"] = "wrong",
        };
        await using (var wrong = ProbeServices.Create(clock, settings))
        {
            await wrong.InUnitOfWorkAsync(provider => provider.GetRequiredService<IOutgoingMail>().QueueAsync(new EmailMessage("pat@provider.example", "Code", "123456")));
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            (await WolverineInbox.DeadLettersAsync(wrong)).ShouldBeEmpty();
        }

        guarded.Received.ShouldBeEmpty();

        // The host restarts with the right password; the waiting email is picked up from Wolverine's inbox and sent.
        settings["Aims:Mail:SmtpPassword"] = "relay-secret-7";
        await using var right = ProbeServices.Create(clock, settings);
        await Eventually.TrueAsync(() => guarded.Received.Count == 1, "the email after the restart", TimeSpan.FromSeconds(30));

        guarded.Received.ShouldHaveSingleItem().Message.Subject.ShouldBe("Code");
    }

    [Test]
    public async Task A_mailbox_the_server_refuses_is_dead_lettered_at_once_with_the_reason()
    {
        await QueueAsync(new EmailMessage("nobody@provider.example", "Decision issued", "See the portal."));

        var dead = (await WolverineInbox.WaitForDeadLettersAsync(Services, 1)).Single();

        dead.MessageType.ShouldBe(typeof(SendEmail).FullName);
        dead.Envelope.Attempts.ShouldBe(1);
        dead.ExceptionType.ShouldEndWith(nameof(PermanentFailureException));
        dead.ExceptionMessage.ShouldContain("refused 'nobody@provider.example': 550");
        smtp.Received.ShouldBeEmpty();
    }

    /// <summary>
    /// An email the previous version left in Wolverine's inbox (a retry, a dead letter replayed) names the message and its
    /// receiver as BuildingBlocks did; after the move to Notifications it is still sent, once (ADR 0051).
    /// </summary>
    [Test]
    public async Task An_email_queued_by_the_previous_version_under_its_old_names_is_sent()
    {
        // Stored as the previous version left it in Wolverine's inbox (a retry pending at the upgrade): its type and its
        // receiver under their BuildingBlocks names (ADR 0051), unowned, for this node to recover.
        var wolverine = Services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>();
        var previous = new Wolverine.Envelope(new SendEmail("<previous-1@aims.test>", "pat@provider.example", "Hearing notice", "Your hearing is on 01/19/2027.", null))
        {
            Id = Guid.CreateVersion7(),
            MessageType = "Aims.BuildingBlocks.Mail.SendEmail",
            Destination = new Uri("local://aims-sending"),
            Serializer = wolverine.Options.DefaultSerializer,
            ContentType = wolverine.Options.DefaultSerializer.ContentType,
            OwnerId = Wolverine.Transports.TransportConstants.AnyNode,
            Status = Wolverine.EnvelopeStatus.Incoming,
        };
        previous.Headers["aims-receiver"] = "Aims.BuildingBlocks.Mail.SendEmailHandler";
        await wolverine.Storage.Inbox.StoreIncomingAsync(previous);

        await Eventually.TrueAsync(() => smtp.Received.Count == 1, "the previous version's email");
        smtp.Received.ShouldHaveSingleItem().Message.MessageId.ShouldBe("previous-1@aims.test");
        await Eventually.TrueAsync(
            async () => (await WolverineInbox.EnvelopesAsync(Services)).Single(e => e.Id == previous.Id).Status == Wolverine.EnvelopeStatus.Handled, "the envelope handled");
        (await WolverineInbox.DeadLettersAsync(Services)).ShouldBeEmpty();
        smtp.Received.Count.ShouldBe(1);
    }

    [TestCase("not an address")]
    [TestCase("pat@")]
    [TestCase("@provider.example")]
    public async Task A_malformed_address_is_dead_lettered_at_once(string address)
    {
        await QueueAsync(new EmailMessage(address, "Hello", "Body"));

        var dead = (await WolverineInbox.WaitForDeadLettersAsync(Services, 1)).Single();

        dead.Envelope.Attempts.ShouldBe(1);
        dead.ExceptionMessage.ShouldContain($"The address '{address}' is malformed.");
        smtp.Received.ShouldBeEmpty();
    }

        /// <summary>
        /// The server accepts the message, then PostgreSQL goes away before it is recorded: a minute later it is sent again
        /// with the same Message-ID, so it is at least once, never lost (ADR 0030).
        /// </summary>
    [Test]
    public async Task When_the_database_dies_after_the_server_took_the_email_it_is_sent_again_with_the_same_message_id()
    {
        var direct = new NpgsqlConnectionStringBuilder(BuildingBlocksDatabase.ConnectionString);
        await using var proxy = new TcpProxy(direct.Host!, direct.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 };
        await using var services = ProbeComposition.Build(throughProxy.ConnectionString, Settings, clock);
        var cut = new TaskCompletionSource();
        smtp.OnReceived = _ =>
        {
            smtp.OnReceived = null;
            proxy.Cut();
            cut.SetResult();
            return Task.CompletedTask;
        };
        var messageId = await services.InUnitOfWorkAsync(provider => provider.GetRequiredService<IOutgoingMail>().QueueAsync(new EmailMessage("pat@provider.example", "Hearing notice", "Your hearing is on 2027-01-19.")));

        await cut.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        smtp.Received.Count.ShouldBe(1);
        proxy.Restore();

        // The handler's transaction (which records the send) failed, so Wolverine sends it again: at least once, never lost.
        await Eventually.TrueAsync(() => smtp.Received.Count == 2, "the second send", TimeSpan.FromSeconds(30));
        smtp.Received.Select(r => $"<{r.Message.MessageId}>").ShouldAllBe(id => id == messageId);
        await SentAsync(messageId);
    }

    [Test]
    public async Task In_folder_delivery_each_email_is_written_as_an_eml_file()
    {
        Delivery = "Folder";
        await using var folderServices = ProbeServices.Create(clock, Settings);
        var messageId = await folderServices.InUnitOfWorkAsync(provider =>
            provider.GetRequiredService<IOutgoingMail>().QueueAsync(new EmailMessage("pat@provider.example", "Code", "123456")));

        await Eventually.TrueAsync(() => Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml").Length > 0, "the .eml file");

        var file = Directory.GetFiles(folder, "*.eml").ShouldHaveSingleItem();
        var written = await MimeMessage.LoadAsync(file);
        $"<{written.MessageId}>".ShouldBe(messageId);
        written.TextBody.ShouldNotBeNull().TrimEnd().ShouldBe("123456");
    }

    private Task<string> QueueAsync(EmailMessage email) =>
        Services.InUnitOfWorkAsync(provider => provider.GetRequiredService<IOutgoingMail>().QueueAsync(email));

    /// <summary>Waits until AIMS's record says the email went out (stamped in the sending handler's committed transaction).</summary>
    private static Task SentAsync(string messageId) =>
        Eventually.TrueAsync(
            async () => await ProbeServices.ScalarAsync<long>("SELECT count(*) FROM notifications.outgoing WHERE message_id = @id AND sent_at IS NOT NULL", ("id", messageId)) == 1,
            $"{messageId} recorded as sent");
}
