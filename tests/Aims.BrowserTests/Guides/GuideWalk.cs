using System.Web;
using Aims.BuildingBlocks.Web;
using Aims.Host.Help;
using Microsoft.AspNetCore.Localization;
using Microsoft.Playwright;

namespace Aims.BrowserTests.Guides;

/// <summary>
/// One guide walked in the running portal, each step's screenshot written where the guide page shows it
/// (wwwroot/help/guide/&lt;guide&gt;/&lt;step&gt;.png, committed), with the Spanish beside it (&lt;step&gt;.es.png).
/// </summary>
internal sealed class GuideWalk(IPage page, Guide guide) : IAsyncDisposable
{
    /// <summary>Screenshots are clipped to this height and the viewport is this small, to keep the files small.</summary>
    public const int Width = 1024;

    public const int Height = 700;

    private static readonly Lazy<string> Folder = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aims.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("No Aims.sln above the test output."),
            "src", "Host", "Aims.Host", "wwwroot", HelpGuides.ScreenshotFolder);
    });

    /// <summary>Reads the fields a person filled in (not yet sent), by id.</summary>
    private const string ReadFields = """
        () => JSON.stringify([...document.querySelectorAll('main input[id], main select[id], main textarea[id]')]
            .filter(e => e.type !== 'hidden' && e.type !== 'file')
            .map(e => ({ id: e.id, value: e.value, checked: !!e.checked })))
        """;

    private const string FillFields = """
        json => JSON.parse(json).forEach(f => {
            const e = document.getElementById(f.id);
            if (!e) return;
            if (e.type === 'checkbox' || e.type === 'radio') e.checked = f.checked; else e.value = f.value;
        })
        """;

    private readonly List<string> taken = [];

    private IBrowserContext? spanish;

    public IPage Page => page;

    /// <summary>The steps shot so far, in order.</summary>
    public IReadOnlyList<string> Taken => taken;

        /// <summary>Shoots <paramref name="step"/>, full width from <paramref name="from"/> (the main content by default), at most <see cref="Height"/> tall.</summary>
        /// <param name="from">A selector (the same in both languages) for where the shot starts.</param>
    public async Task ShootAsync(string step, string? from = null)
    {
        guide.Steps.Select(s => s.Name).ShouldContain(step, $"the walk of {guide.Slug} shoots a step its catalogue entry does not list");
        await ShootPageAsync(page, step, from, step + ".png");
        await ShootInSpanishAsync(step, from);
        taken.Add(step);
    }

    public async ValueTask DisposeAsync()
    {
        if (spanish is not null)
        {
            await spanish.CloseAsync();
        }
    }

    /// <summary>
    /// The same moment in Spanish: a second browser with the walker's cookies and Spanish chosen opens the same address,
    /// fills in the same fields and, when the English page is a form's answer (<c>?handler=…</c>), sends that form again.
    /// </summary>
    private async Task ShootInSpanishAsync(string step, string? from)
    {
        var address = new Uri(page.Url);
        var origin = address.GetLeftPart(UriPartial.Authority);
        spanish ??= await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = Width, Height = Height } });
        await spanish.ClearCookiesAsync();
        var cookies = (await page.Context.CookiesAsync()).Where(c => c.Name != PortalLanguages.CookieName).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }).ToList();
        cookies.Add(new Cookie { Name = PortalLanguages.CookieName, Value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(PortalLanguages.Spanish)), Url = origin });
        await spanish.AddCookiesAsync(cookies);

        var es = spanish.Pages.FirstOrDefault() ?? await spanish.NewPageAsync();
        var handler = HttpUtility.ParseQueryString(address.Query)["handler"];
        await es.GotoAsync(handler is null ? page.Url : address.GetLeftPart(UriPartial.Path));
        var fields = await page.EvaluateAsync<string>(ReadFields);
        await es.EvaluateAsync(FillFields, fields);
        if (handler is not null)
        {
            await es.Locator($"[formaction*='handler={handler}']").First.ClickAsync();
            await es.WaitForURLAsync($"**handler={handler}*");
        }

        (await es.Locator("html").GetAttributeAsync("lang")).ShouldBe("es", $"{guide.Slug}/{step} in Spanish");
        await ShootPageAsync(es, step, from, step + ".es.png");
    }

    private async Task ShootPageAsync(IPage target, string step, string? from, string name)
    {
        await target.EvaluateAsync("() => window.scrollTo(0, 0)");
        var top = (await target.Locator(from ?? "main").First.BoundingBoxAsync() ?? throw new InvalidOperationException($"{step}: nothing to shoot.")).Y;
        var pageHeight = await target.EvaluateAsync<float>("() => document.documentElement.scrollHeight");
        var file = Path.Combine(Folder.Value, guide.Slug, name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await target.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = file,
            FullPage = true,
            Clip = new Clip { X = 0, Y = top, Width = Width, Height = Math.Min(pageHeight - top, Height) },
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
        });
    }
}
