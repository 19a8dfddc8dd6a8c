using System.Net;
using Aims.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// The development outbox page shows locally "sent" mail — everyone's sign-in codes — so it exists only in development,
/// and only for a browser on the same machine.
/// </summary>
public sealed class DevelopmentOutboxTests
{
    [Test]
    public async Task Outside_development_the_page_does_not_exist()
    {
        using var client = HostUnderTest.Portal.CreateClient();

        (await client.GetAsync("/dev/outbox")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task In_development_it_lists_the_emails_in_the_local_folder_to_loopback_only()
    {
        var folder = Directory.CreateTempSubdirectory("aims-outbox-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "one.eml"), "Subject: Your sign-in code\r\n\r\nYour code is 246810.");
        string page;
        HttpStatusCode fromElsewhere, fromIPv6Loopback;
        await using (var factory = new AimsAppFactory(
            await TestDatabase.RecreateAsync("aims_test_integration_dev_outbox"),
            services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>(),
            settings: new Dictionary<string, string?> { ["Aims:Mail:Delivery"] = "Folder", ["Aims:Mail:Folder"] = folder },
            environment: "Development"))
        {
            using var client = factory.CreateClient();
            page = await client.GetStringAsync("/dev/outbox");
            fromElsewhere = (await client.SendAsync(From("192.168.1.20"))).StatusCode;
            fromIPv6Loopback = (await client.SendAsync(From("::1"))).StatusCode;
        }

        // After the host has stopped: its mail relay may still be writing into the folder until then.
        Directory.Delete(folder, recursive: true);
        page.ShouldContain("Your code is 246810.");
        fromElsewhere.ShouldBe(HttpStatusCode.NotFound);
        fromIPv6Loopback.ShouldBe(HttpStatusCode.OK);
    }

    private static HttpRequestMessage From(string address) =>
        new(HttpMethod.Get, "/dev/outbox") { Headers = { { RemoteAddressFromHeader.Header, address } } };

    /// <summary>
    /// The test server has no socket, so no remote address: this gives each request the one a socket would have had,
    /// 127.0.0.1 unless the test names another.
    /// </summary>
    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Remote-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header].FirstOrDefault() ?? "127.0.0.1");
                return following(context);
            });
            next(app);
        };
    }
}
