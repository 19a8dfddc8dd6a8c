using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Documents;

/// <summary>
/// The documents the filing forms owe: a representative's proof of authority (10 days, 12VAC30-110-60) and a
/// provider's MCO final letter, each linked from the confirmation page into the appeal's upload form.
/// </summary>
public sealed class FilingDocumentsTests() : DocumentsTest("aims_test_documents_filing")
{
    [Test]
    public async Task A_proof_of_authority_uploaded_on_day_3_is_recorded_and_the_appeal_is_never_flagged()
    {
        // Filed Monday 11/23/2026: proof due Thursday 12/03/2026.
        using var representative = await SignedInAsync("advocate.docs@legalaid.example", Role.AuthorizedRepresentative);
        var id = await FileAsync(representative, "/appeals/file/client", RepresentativeFields("AuthorizedRepresentative", "Robert Hale", "200000000012"));
        var filed = await representative.GetAsync($"/appeals/{id}/filed");
        filed.Text.ShouldContain("send proof that you may act for the appellant (for example a signed authorization or a power of attorney) by Thursday, December 3, 2026");
        filed.Html.ShouldContain($"href=\"/appeals/{id}?category=ProofOfAuthority#documents\"");
        (await representative.GetAsync($"/appeals/{id}?category=ProofOfAuthority")).Html.ShouldContain("<option value=\"ProofOfAuthority\" selected=\"selected\">");

        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero)); // Thanksgiving, day 3
        using var later = NewBrowser();
        await later.SignInAsync(ConnectionString, "advocate.docs@legalaid.example", Password);
        ShouldRedirectToAppeal(await UploadThroughPageAsync(later, id, Part.Field("category", "ProofOfAuthority"), Part.File("authorization signed.pdf", Pdf)), id);
        await DeliverAsync();

        var detail = await later.GetAsync($"/appeals/{id}");
        detail.Text.ShouldContain("Proof of authority due 12/03/2026 — received 11/26/2026");
        detail.Text.ShouldContain("Proof of the representative's authority received: authorization signed.pdf");
        detail.Text.ShouldNotContain("Next deadline 12/03/2026");
        (await ScheduledAtAsync($"appeal:{id}:authority-proof")).ShouldBeNull();

        // A second proof changes nothing.
        ShouldRedirectToAppeal(await UploadThroughPageAsync(later, id, Part.Field("category", "ProofOfAuthority"), Part.File("power of attorney.pdf", "%PDF-1.4 poa"u8.ToArray())), id);
        await DeliverAsync();
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'AuthorityProofReceived'", id)).ShouldBe(1L);

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 5, 1, 0, TimeSpan.Zero)); // 00:01 on 12/04 in Richmond
        await DeliverAsync();
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'AuthorityProofOverdue'", id)).ShouldBe(0L);
    }

    [Test]
    public async Task Evidence_is_not_proof_so_the_appeal_is_still_flagged_after_the_tenth_day()
    {
        using var representative = await SignedInAsync("advocate.evidence@legalaid.example", Role.AuthorizedRepresentative);
        var id = await FileAsync(representative, "/appeals/file/client", RepresentativeFields("AuthorizedRepresentative", "Ruth Hale", "200000000013"));
        ShouldRedirectToAppeal(await UploadThroughPageAsync(representative, id, Part.Field("category", "Evidence"), Part.File("medical records.pdf", Pdf)), id);
        await DeliverAsync();

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 5, 1, 0, TimeSpan.Zero));
        await DeliverAsync();

        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'AuthorityProofOverdue'", id)).ShouldBe(1L);
    }

    [Test]
    public async Task A_provider_appealing_an_mco_action_is_sent_from_the_confirmation_to_upload_the_mco_letter()
    {
        var (owner, provider) = await ProviderAsync("owner.mco@clinic.example");
        var fields = InformalFields(provider, "11/10/2026");
        fields["Form.FromMco"] = "yes";
        fields["Form.McoFinalLetterDate"] = "11/10/2026";
        var id = await FileAsync(owner, "/appeals/file/informal", fields);

        var filed = await owner.GetAsync($"/appeals/{id}/filed");

        filed.Html.ShouldContain($"href=\"/appeals/{id}?category=McoFinalLetter#documents\"");
        filed.Text.ShouldNotContain("proof that you may act");
    }
}
