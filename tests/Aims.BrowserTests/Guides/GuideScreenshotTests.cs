using Aims.Host.Help;

namespace Aims.BrowserTests.Guides;

/// <summary>
/// Walks every user guide of the catalogue (HelpGuides) as a real user on the demo portal and takes each step's
/// screenshot, so the guides show the product as it is; a step the walk does not reach fails here.
/// </summary>
public sealed class GuideScreenshotTests : BrowserTest
{
    private string baseUrl = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() => baseUrl = await DemoPortal.StartAsync();

    public static IEnumerable<string> Guides() => HelpGuides.All.Select(g => g.Slug);

    [Test]
    public void Every_guide_in_the_catalogue_has_a_walk_and_every_walk_a_guide() =>
        GuideWalks.All.Keys.ShouldBe(Guides(), ignoreOrder: true);

    [TestCaseSource(nameof(Guides))]
    public async Task The_guide_is_walked_in_the_portal_and_each_step_has_its_screenshot(string slug)
    {
        var guide = HelpGuides.Find(slug)!;
        await Page.SetViewportSizeAsync(GuideWalk.Width, GuideWalk.Height);
        await using var walk = new GuideWalk(Page, guide);

        await GuideWalks.All[slug](walk);

        walk.Taken.ShouldBe(guide.Steps.Select(s => s.Name).ToList(), $"{slug}: every step, in order, has a screenshot");
    }
}
