using System.Text.Json;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// A fresh browser context per test that records console errors and warnings, failed requests and error responses,
/// so every page test also proves the page loads cleanly.
/// </summary>
public abstract class BrowserTest
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe.min.js")));
    private readonly List<string> problems = [];

    protected IPage Page { get; private set; } = null!;

    /// <summary>The portal the test browses; a test with its own server (on localhost, say) points here.</summary>
    protected virtual string BaseUrl => PortalServer.BaseUrl;

    /// <summary>For a portal behind TLS with a certificate the test made itself (self-signed).</summary>
    protected virtual bool TrustsSelfSignedCertificate => false;

    /// <summary>Responses with these statuses are what a test expects (e.g. the 404 page), not problems.</summary>
    protected HashSet<int> ExpectedStatuses { get; } = [];

    [SetUp]
    public async Task OpenPageAsync()
    {
        problems.Clear();
        ExpectedStatuses.Clear();
        var context = await PortalServer.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, IgnoreHTTPSErrors = TrustsSelfSignedCertificate });
        Page = await context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            var expected = ExpectedStatuses.Any(status => message.Text.Contains($"status of {status}", StringComparison.Ordinal));
            if (message.Type is "error" or "warning" && !expected)
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        Page.PageError += (_, error) => problems.Add($"page error: {error}");
        Page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} ({request.Failure})");
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !ExpectedStatuses.Contains(response.Status))
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
    }

    [TearDown]
    public async Task ClosePageAsync()
    {
        await Page.Context.CloseAsync();
        problems.ShouldBeEmpty($"the page should load without console errors, failed requests or error responses: {string.Join(" | ", problems)}");
    }

    /// <summary>Runs axe-core (WCAG 2.0 and 2.1, A and AA) on the current page (or another person's) and fails listing every violation.</summary>
    /// <summary>Chromium's virtual authenticator (DevTools WebAuthn domain) as the person's device: a platform passkey that verifies its user.</summary>
    protected async Task AddVirtualAuthenticatorAsync()
    {
        var devTools = await Page.Context.NewCDPSessionAsync(Page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
    }

    protected async Task ShouldHaveNoAccessibilityViolationsAsync(IPage? page = null)
    {
        // Evaluated through DevTools rather than a <script> tag, which the page's strict CSP rightly refuses.
        page ??= Page;
        await page.EvaluateAsync(AxeSource.Value);
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });" +
            " return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })); }");
        var violations = result.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}")
            .ToList();
        violations.ShouldBeEmpty();
    }
}
