using Aims.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// For the whole assembly: the real portal on a real port (Kestrel) over its own database, and one headless
/// Debian Chromium driven by Playwright (never a downloaded browser).
/// </summary>
[SetUpFixture]
public sealed class PortalServer
{
    private static AimsAppFactory? factory;
    private static IPlaywright? playwright;

    public static string BaseUrl { get; private set; } = "";

    /// <summary>For reading what the portal emailed (sign-in codes, confirmation links) from its outbox table.</summary>
    public static string ConnectionString { get; private set; } = "";

    public static IBrowser Browser { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        ConnectionString = await TestDatabase.RecreateAsync("aims_test_browser");
        factory = new AimsAppFactory(
            ConnectionString,
            services => services.AddSingleton<IStartupFilter, FailingPage>());
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("AIMS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await DemoPortal.StopAsync();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}
