using Aims.Host.Help;
using Microsoft.Playwright;

namespace Aims.BrowserTests.Guides;

/// <summary>
/// One guide walked in the running portal: each step's screenshot is written where the guide page shows it
/// (src/Host/Aims.Host/wwwroot/help/guide/&lt;guide&gt;/&lt;step&gt;.png, committed and overwritten on each run).
/// </summary>
internal sealed class GuideWalk(IPage page, Guide guide)
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

    private readonly List<string> taken = [];

    public IPage Page => page;

    /// <summary>The steps shot so far, in order.</summary>
    public IReadOnlyList<string> Taken => taken;

    /// <summary>
    /// Shoots <paramref name="step"/>: the page's full width from the top of <paramref name="from"/> (the main content
    /// by default) down, at most <see cref="Height"/> tall.
    /// </summary>
    public async Task ShootAsync(string step, ILocator? from = null)
    {
        guide.Steps.Select(s => s.Name).ShouldContain(step, $"the walk of {guide.Slug} shoots a step its catalogue entry does not list");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var top = (await (from ?? page.Locator("main")).BoundingBoxAsync() ?? throw new InvalidOperationException($"{step}: nothing to shoot.")).Y;
        var pageHeight = await page.EvaluateAsync<float>("() => document.documentElement.scrollHeight");
        var file = Path.Combine(Folder.Value, guide.Slug, step + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = file,
            FullPage = true,
            Clip = new Clip { X = 0, Y = top, Width = Width, Height = Math.Min(pageHeight - top, Height) },
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
        });
        taken.Add(step);
    }
}
