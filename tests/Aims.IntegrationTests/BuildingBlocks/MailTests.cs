using System.Net;
using System.Net.Sockets;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Messaging;
using Aims.MessagingProbe;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// Outgoing mail through MailKit to a real SMTP listener (ADR 0030): retried when the server is down, slow, or refuses
/// TLS or authentication; dead-lettered when it refuses the mailbox; resent with the same Message-ID after a crash.
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

    private MessagePump Pump => Services.GetRequiredService<MessagePump>();

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
        smtp.Received.ShouldBeEmpty();

        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(1);

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
        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.Delivered);
    }

    [Test]
    public async Task A_server_that_is_down_gets_the_same_message_again_later()
    {
        var messageId = await QueueAsync(new EmailMessage("pat@provider.example", "Hearing notice", "Your hearing is on 2026-12-03."));
        await smtp.DisposeAsync();

        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(1);
        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.Pending);
        (await ProbeServices.ScalarAsync<int>("SELECT attempts FROM messaging.messages")).ShouldBe(1);

        smtp = new SmtpTestServer();
        await using var restarted = ProbeServices.Create(clock, Settings);
        clock.Advance(TimeSpan.FromMinutes(1));
        (await restarted.GetRequiredService<MessagePump>().ProcessDueAsync(CancellationToken.None)).ShouldBe(1);

        $"<{smtp.Received.ShouldHaveSingleItem().Message.MessageId}>".ShouldBe(messageId);
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

        var started = System.Diagnostics.Stopwatch.StartNew();
        (await services.GetRequiredService<MessagePump>().ProcessDueAsync(CancellationToken.None)).ShouldBe(1);

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.Pending);
        (await ProbeServices.ScalarAsync<string>("SELECT last_error FROM messaging.messages")).ShouldNotBeNullOrEmpty();
        (await ProbeServices.ScalarAsync<int>("SELECT attempts FROM messaging.messages")).ShouldBe(1);
    }

    [Test]
    public async Task With_starttls_on_a_server_that_cannot_upgrade_gets_nothing_in_clear_and_the_message_waits()
    {
        await using var services = ProbeServices.Create(clock, new Dictionary<string, string?>(Settings) { ["Aims:Mail:StartTls"] = "true" });
        await services.InUnitOfWorkAsync(provider => provider.GetRequiredService<IOutgoingMail>().QueueAsync(new EmailMessage("pat@provider.example", "Code", "123456")));

        await services.GetRequiredService<MessagePump>().ProcessDueAsync(CancellationToken.None);

        smtp.Received.ShouldBeEmpty();
        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.Pending);
        (await ProbeServices.ScalarAsync<string>("SELECT last_error FROM messaging.messages")).ShouldContain("STARTTLS");
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
            await wrong.GetRequiredService<MessagePump>().ProcessDueAsync(CancellationToken.None);
        }

        guarded.Received.ShouldBeEmpty();
        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.Pending);

        settings["Aims:Mail:SmtpPassword"] = "relay-secret-7";
        clock.Advance(TimeSpan.FromMinutes(1));
        await using var right = ProbeServices.Create(clock, settings);
        (await right.GetRequiredService<MessagePump>().ProcessDueAsync(CancellationToken.None)).ShouldBe(1);

        guarded.Received.ShouldHaveSingleItem().Message.Subject.ShouldBe("Code");
    }

    [Test]
    public async Task A_mailbox_the_server_refuses_is_dead_lettered_at_once_with_the_reason()
    {
        await QueueAsync(new EmailMessage("nobody@provider.example", "Decision issued", "See the portal."));

        await Pump.ProcessDueAsync(CancellationToken.None);

        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.DeadLettered);
        (await ProbeServices.ScalarAsync<int>("SELECT attempts FROM messaging.messages")).ShouldBe(1);
        (await ProbeServices.ScalarAsync<string>("SELECT last_error FROM messaging.messages")).ShouldContain("refused 'nobody@provider.example': 550");
    }

    [TestCase("not an address")]
    [TestCase("pat@")]
    [TestCase("@provider.example")]
    public async Task A_malformed_address_is_dead_lettered_at_once(string address)
    {
        await QueueAsync(new EmailMessage(address, "Hello", "Body"));

        await Pump.ProcessDueAsync(CancellationToken.None);

        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.DeadLettered);
        (await ProbeServices.ScalarAsync<string>("SELECT last_error FROM messaging.messages")).ShouldContain($"The address '{address}' is malformed.");
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
        await using var services = ProbeComposition.Build(throughProxy.ConnectionString, new Dictionary<string, string?>(Settings) { ["Aims:Messaging:RelayEnabled"] = "false" }, clock);
        var messageId = await services.InUnitOfWorkAsync(provider => provider.GetRequiredService<IOutgoingMail>().QueueAsync(new EmailMessage("pat@provider.example", "Hearing notice", "Your hearing is on 2027-01-19.")));
        smtp.OnReceived = _ =>
        {
            smtp.OnReceived = null;
            proxy.Cut();
            return Task.CompletedTask;
        };
        var pump = services.GetRequiredService<MessagePump>();

        await Should.ThrowAsync<Exception>(() => pump.ProcessDueAsync(CancellationToken.None));
        proxy.Restore();
        smtp.Received.Count.ShouldBe(1);
        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.Pending);

        clock.Advance(TimeSpan.FromSeconds(61));
        var delivered = 0;
        for (var attempt = 0; attempt < 5 && delivered == 0; attempt++)
        {
            // Connections the pool held across the outage fail once each before fresh ones are opened.
            try
            {
                delivered = await pump.ProcessDueAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
            }
        }

        delivered.ShouldBe(1);
        smtp.Received.Count.ShouldBe(2);
        smtp.Received.Select(r => $"<{r.Message.MessageId}>").ShouldAllBe(id => id == messageId);
        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.Delivered);
    }

    [Test]
    public async Task In_folder_delivery_each_email_is_written_as_an_eml_file()
    {
        Delivery = "Folder";
        await using var folderServices = ProbeServices.Create(clock, Settings);
        var messageId = await folderServices.InUnitOfWorkAsync(provider =>
            provider.GetRequiredService<IOutgoingMail>().QueueAsync(new EmailMessage("pat@provider.example", "Code", "123456")));

        await folderServices.GetRequiredService<MessagePump>().ProcessDueAsync(CancellationToken.None);

        var file = Directory.GetFiles(folder, "*.eml").ShouldHaveSingleItem();
        var written = await MimeMessage.LoadAsync(file);
        $"<{written.MessageId}>".ShouldBe(messageId);
        written.TextBody.ShouldNotBeNull().TrimEnd().ShouldBe("123456");
    }

    private Task<string> QueueAsync(EmailMessage email) =>
        Services.InUnitOfWorkAsync(provider => provider.GetRequiredService<IOutgoingMail>().QueueAsync(email));
}
