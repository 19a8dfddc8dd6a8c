using System.Net;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// A provider's administrator keeps its profile current and removes people who no longer act for it; a removed person
/// loses the provider's appeals at once.
/// </summary>
public sealed class ProviderAdministrationTests() : AppealsTest("aims_test_provider_administration")
{
    [Test]
    public async Task The_administrator_edits_the_profile_but_not_the_npi_and_bad_fields_change_nothing()
    {
        var (admin, provider) = await ProviderAsync("admin.edit@clinic.example", "Blue Ridge Family Clinic");
        using var colleague = await MemberAsync(provider, "colleague.edit@clinic.example");

        var form = await admin.GetAsync($"/providers/{provider}/edit");
        form.Text.ShouldContain("The NPI names the provider and cannot be changed");
        var bad = await admin.PostAsync($"/providers/{provider}/edit", Fields("Blue Ridge Family Health", zip: "2440"));
        bad.Status.ShouldBe(HttpStatusCode.OK);
        bad.Text.ShouldContain("Enter a 5-digit ZIP code or ZIP+4 (for example 23219 or 23219-1234).");
        (await ScalarAsync("SELECT name FROM registration.providers WHERE id = @p", provider)).ShouldBe("Blue Ridge Family Clinic");

        var saved = await admin.PostAsync($"/providers/{provider}/edit", Fields("Blue Ridge Family Health", zip: "24401-1234", inMco: "false"));
        saved.Location.ShouldBe($"/providers/{provider}", saved.Text);
        var page = await admin.GetAsync($"/providers/{provider}");
        page.Text.ShouldContain("Blue Ridge Family Health");
        page.Text.ShouldContain("In an MCO network No");
        (await colleague.GetAsync($"/providers/{provider}/edit")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await colleague.PostAsync($"/providers/{provider}", [new("member", Guid.NewGuid().ToString())], $"/providers/{provider}?handler=Remove")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_removed_colleague_loses_the_providers_appeals_at_once_and_the_only_administrator_stays()
    {
        var (admin, provider) = await ProviderAsync("admin.remove@clinic.example", "Shenandoah Pediatrics");
        using var colleague = await MemberAsync(provider, "colleague.remove@clinic.example");
        var id = await FileAsync(admin, "/appeals/file/informal", InformalFields(provider, "11/10/2026"));
        (await colleague.GetAsync($"/appeals/{id}")).Status.ShouldBe(HttpStatusCode.OK);
        var colleagueId = (Guid)(await ScalarAsync("SELECT user_id FROM registration.provider_members WHERE email = @p", "colleague.remove@clinic.example"))!;
        var adminId = (Guid)(await ScalarAsync("SELECT user_id FROM registration.provider_members WHERE email = @p", "admin.remove@clinic.example"))!;

        var removed = await admin.PostAsync($"/providers/{provider}", [new("member", colleagueId.ToString())], $"/providers/{provider}?handler=Remove");

        removed.Location.ShouldBe($"/providers/{provider}", removed.Text);
        (await admin.GetAsync($"/providers/{provider}")).Text.ShouldContain("Sam Colleague no longer acts for this provider.");
        (await colleague.GetAsync($"/appeals/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await colleague.GetAsync("/appeals")).Text.ShouldNotContain("Shenandoah Pediatrics");

        var self = await admin.PostAsync($"/providers/{provider}", [new("member", adminId.ToString())], $"/providers/{provider}?handler=Remove");
        self.Status.ShouldBe(HttpStatusCode.OK);
        self.Text.ShouldContain("is the provider's only administrator and cannot be removed.");
        (await CountAsync("SELECT count(*) FROM registration.provider_members WHERE provider_id = @p", provider)).ShouldBe(1L);
    }

    private static Dictionary<string, string?> Fields(string name, string zip, string inMco = "true") => new()
    {
        ["Form.Name"] = name,
        ["Form.MedicaidProviderId"] = "A1234567",
        ["Form.Street"] = "100 Main Street",
        ["Form.City"] = "Staunton",
        ["Form.State"] = "VA",
        ["Form.Zip"] = zip,
        ["Form.ContactName"] = "Lee Park",
        ["Form.ContactPhone"] = "540-555-0142",
        ["Form.ContactEmail"] = "lee.park@clinic.example",
        ["Form.InMcoNetwork"] = inMco,
    };
}
