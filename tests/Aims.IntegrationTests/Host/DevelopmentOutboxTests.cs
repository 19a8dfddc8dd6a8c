using System.Net;
using Aims.Testing;

namespace Aims.IntegrationTests.Host;

/// <summary>The development outbox page shows locally "sent" mail, and exists nowhere else.</summary>
public sealed class DevelopmentOutboxTests
{
    [Test]
    public async Task Outside_development_the_page_does_not_exist()
    {
        using var client = HostUnderTest.Portal.CreateClient();

        (await client.GetAsync("/dev/outbox")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task In_development_it_lists_the_emails_in_the_local_folder()
    {
        var folder = Directory.CreateTempSubdirectory("aims-outbox-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "one.eml"), "Subject: Your sign-in code\r\n\r\nYour code is 246810.");
        string page;
        await using (var factory = new AimsAppFactory(
            await TestDatabase.RecreateAsync("aims_test_integration_dev_outbox"),
            settings: new Dictionary<string, string?> { ["Aims:Mail:Delivery"] = "Folder", ["Aims:Mail:Folder"] = folder },
            environment: "Development"))
        {
            using var client = factory.CreateClient();
            page = await client.GetStringAsync("/dev/outbox");
        }

        // After the host has stopped: its mail relay may still be writing into the folder until then.
        Directory.Delete(folder, recursive: true);
        page.ShouldContain("Your code is 246810.");
    }
}
