using Aims.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// A second portal with the demo accounts seeded (every role, one password), for pages behind sign-in. Browsed at
/// http://localhost because passkeys need a domain; started by the first test that needs it, stopped with the assembly.
/// </summary>
internal static class DemoPortal
{
    public const string Password = "Appeals-Demo-Portal!7";

    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static readonly string Outbox = Path.Combine(Path.GetTempPath(), "aims-browser-outbox-" + Guid.NewGuid().ToString("N"));
    private static AimsAppFactory? portal;

    public static string BaseUrl { get; private set; } = "";

    public static string ConnectionString { get; private set; } = "";

    /// <returns>The address to browse.</returns>
    public static async Task<string> StartAsync()
    {
        await Starting.WaitAsync();
        try
        {
            if (portal is null)
            {
                (portal, BaseUrl, ConnectionString) = await StartOwnAsync("aims_test_browser_demo", new Dictionary<string, string?>());
            }

            return BaseUrl;
        }
        finally
        {
            Starting.Release();
        }
    }

    /// <summary>
    /// Another demo portal over a database of its own, with <paramref name="settings"/> on top of the demo's (a short idle
    /// sign-out, say), for a test that must not change the shared one; the caller disposes it.
    /// </summary>
    public static async Task<(AimsAppFactory Portal, string BaseUrl, string ConnectionString)> StartOwnAsync(string database, IReadOnlyDictionary<string, string?> settings)
    {
        var connectionString = await TestDatabase.RecreateAsync(database);
        var all = new Dictionary<string, string?>
        {
            ["Aims:SeedDemoData"] = "true",
            ["Aims:Identity:Passkeys:ServerDomain"] = "localhost",
            ["Aims:Mail:Delivery"] = "Folder",
            ["Aims:Mail:Folder"] = Outbox,
            ["Aims:TextMessages:Delivery"] = "Folder",
            ["Aims:TextMessages:Folder"] = Outbox,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var started = new AimsAppFactory(connectionString, settings: all);
        started.UseKestrel(0);
        started.StartServer();
        var address = started.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (started, $"http://localhost:{new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port}", connectionString);
    }

    public static async Task StopAsync()
    {
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }

        if (Directory.Exists(Outbox))
        {
            Directory.Delete(Outbox, recursive: true);
        }
    }

    /// <summary>The newest email to <paramref name="to"/> whose subject starts so, waiting for the relay to deliver it.</summary>
    public static async Task<OutboxReader.Email> AwaitEmailAsync(string to, string subjectStart)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var email = (await OutboxReader.EmailsToAsync(ConnectionString, to)).LastOrDefault(e => e.Subject.StartsWith(subjectStart, StringComparison.Ordinal));
            if (email is not null)
            {
                return email;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No email \"{subjectStart}…\" to {to} within 15 seconds.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Signs a demo account in through the pages: password (staff on their own path), then the emailed code; on the
    /// shared demo portal, or on one of a test's own whose database <paramref name="connectionString"/> names.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, bool staff = false, string? connectionString = null)
    {
        await page.GotoAsync(staff ? "/staff/sign-in" : "/account/sign-in");
        await page.GetByLabel(staff ? "Agency email address" : "Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/account/code?via=email");
        await page.GetByLabel("One-time code").FillAsync(await PortalSignIn.LatestCodeAsync(connectionString ?? ConnectionString, email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        try
        {
            // A loaded CI machine (both test assemblies at once on two cores) can take a while to answer the code.
            await page.WaitForURLAsync(new Uri(page.Url).GetLeftPart(UriPartial.Authority) + "/", new() { Timeout = 60_000 });
        }
        catch (TimeoutException stuck)
        {
            throw new TimeoutException($"{email} did not reach the home page after the code; the page at {page.Url} says: {await page.Locator("main").InnerTextAsync()}", stuck);
        }
    }
}
