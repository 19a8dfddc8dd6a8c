using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Messaging;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>Outgoing mail: queued in the unit of work, sent by the relay to a real SMTP listener, retried, dead-lettered.</summary>
public sealed class MailTests : ProbeTest
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider clock = new(Start);
    private SmtpTestServer smtp = null!;
    private string folder = "";

    protected override TimeProvider Clock => clock;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Aims:Mail:SmtpHost"] = "127.0.0.1",
        ["Aims:Mail:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Aims:Mail:StartTls"] = "false",
        ["Aims:Mail:SmtpTimeout"] = "00:00:05",
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
    public async Task A_queued_email_is_sent_after_commit_with_its_message_id_subject_and_body()
    {
        var messageId = await QueueAsync(new EmailMessage("pat@provider.example", "Your sign-in code", "Your code is 123456."));
        smtp.Messages.ShouldBeEmpty();

        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(1);

        var sent = smtp.Messages.ShouldHaveSingleItem();
        sent.ShouldContain($"Message-ID: {messageId}");
        sent.ShouldContain("Subject: Your sign-in code");
        sent.ShouldContain("To: pat@provider.example");
        sent.ShouldContain("Your code is 123456.");
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

        smtp.Messages.ShouldHaveSingleItem().ShouldContain($"Message-ID: {messageId}");
    }

    [Test]
    public async Task A_mailbox_the_server_refuses_is_dead_lettered_at_once_with_the_reason()
    {
        await QueueAsync(new EmailMessage("nobody@provider.example", "Decision issued", "See the portal."));

        await Pump.ProcessDueAsync(CancellationToken.None);

        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.DeadLettered);
        (await ProbeServices.ScalarAsync<string>("SELECT last_error FROM messaging.messages")).ShouldContain("refused 'nobody@provider.example'");
    }

    [Test]
    public async Task A_malformed_address_is_dead_lettered_at_once()
    {
        await QueueAsync(new EmailMessage("not an address", "Hello", "Body"));

        await Pump.ProcessDueAsync(CancellationToken.None);

        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.DeadLettered);
        (await ProbeServices.ScalarAsync<string>("SELECT last_error FROM messaging.messages")).ShouldContain("malformed");
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
        (await File.ReadAllTextAsync(file)).ShouldContain($"Message-ID: {messageId}");
    }

    private Task<string> QueueAsync(EmailMessage email) =>
        Services.InUnitOfWorkAsync(provider => provider.GetRequiredService<IOutgoingMail>().QueueAsync(email));
}
