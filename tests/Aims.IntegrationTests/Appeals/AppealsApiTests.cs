using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// /api/v1/appeals with API tokens: filing with an Idempotency-Key, reading, history, withdrawal, problem details
/// naming the JSON fields, 404 for appeals the caller is not party to, scopes enforced, and the OpenAPI document.
/// </summary>
public sealed class AppealsApiTests() : AppealsTest("aims_test_appeals_api")
{
    [Test]
    public async Task A_token_files_an_informal_appeal_once_per_idempotency_key_reads_it_and_withdraws_it()
    {
        var (browser, provider) = await ProviderAsync("rep.api@billing.example", "Piedmont Home Health", Role.ProviderRepresentative);
        using var api = await ApiAsync(browser, "Billing system", "AppealsRead", "AppealsFile");

        using var created = await FileAsync(api, Informal(provider), key: "batch-7/claim-118734");
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var filed = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = filed.GetProperty("appealId").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/appeals/{id}");
        filed.GetProperty("caseNumber").GetString()!.ShouldMatch(@"^PI-2026-\d{6,}$");

        using var replayed = await FileAsync(api, Informal(provider), key: "batch-7/claim-118734");
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appealId").GetGuid().ShouldBe(id);
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE provider_id = @p", provider)).ShouldBe(1L);

        var appeal = await api.GetFromJsonAsync<JsonElement>($"/api/v1/appeals/{id}");
        appeal.GetProperty("lastDayToFile").GetString().ShouldBe("2026-12-10");
        appeal.GetProperty("timely").GetBoolean().ShouldBeTrue();
        appeal.GetProperty("yourRole").GetString().ShouldBe("ProviderUser");
        appeal.GetProperty("filing").GetProperty("items")[0].GetProperty("amount").GetDecimal().ShouldBe(4812.50m);
        // Stable codes beside the words (ADR 0043); the list row stores the codes, never the sentences.
        appeal.GetProperty("nextStepCode").GetString().ShouldBe("DocketThenConference");
        appeal.GetProperty("nextStep").GetString().ShouldBe(
            "The Appeals Division dockets the appeal; the agency files its case summary and an informal fact-finding conference is scheduled");
        appeal.GetProperty("nextDeadlineKind").GetString().ShouldBe("InformalDecision");
        appeal.GetProperty("nextDeadlineWhat").GetString().ShouldBe("Informal decision due");
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE id = @p AND next_step = 'DocketThenConference' AND next_deadline_what = 'InformalDecision'", id))
            .ShouldBe(1L);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/appeals");
        // One page of the caller's appeals with the total (ADR 0037).
        list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldContain(id);
        list.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        list.GetProperty("page").GetInt32().ShouldBe(1);
        var row = list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        row.GetProperty("nextStepCode").GetString().ShouldBe("DocketThenConference");
        row.GetProperty("nextDeadlineKind").GetString().ShouldBe("InformalDecision");
        row.GetProperty("nextDeadlineWhat").GetString().ShouldBe("Informal decision due");

        using var withdrawn = await api.PostAsJsonAsync($"/api/v1/appeals/{id}/withdraw", new { reason = "Paid on resubmission." });
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var timeline = await api.GetFromJsonAsync<JsonElement>($"/api/v1/appeals/{id}/timeline");
        timeline[0].GetProperty("what").GetString().ShouldBe("Appeal withdrawn: “Paid on resubmission.”");

        using var again = await api.PostAsJsonAsync($"/api/v1/appeals/{id}/withdraw", new { });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("was already withdrawn on 11/23/2026");
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/appeals?closed=true")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldContain(id);
    }

    [Test]
    public async Task Bad_input_gets_a_400_naming_each_json_field_and_nothing_is_filed()
    {
        var (browser, provider) = await ProviderAsync("rep.badapi@billing.example", "Coastal Therapy", Role.ProviderRepresentative);
        using var api = await ApiAsync(browser, "Bad data", "AppealsFile");
        var form = Informal(provider);
        form["noticeDate"] = "2026-13-40";
        ((List<Dictionary<string, string>>)form["items"])[0]["amount"] = "lots";
        form["contactEmail"] = "nobody";

        using var answer = await FileAsync(api, form);

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("noticeDate")[0].GetString().ShouldBe("Enter the date like 04/27/2026.");
        errors.GetProperty("items[0].amount")[0].GetString().ShouldBe("Enter the amount in dollars, for example 1250.00.");
        errors.GetProperty("contactEmail")[0].GetString().ShouldBe("Enter an email address like name@example.com.");
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE provider_id = @p", provider)).ShouldBe(0L);

        using var malformed = await api.PostAsync("/api/v1/appeals/informal", new StringContent("{\"noticeDate\": ", System.Text.Encoding.UTF8, "application/json"));
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Another_providers_token_gets_404_and_a_read_only_token_cannot_file()
    {
        var (owner, provider) = await ProviderAsync("rep.owner@billing.example", "Owner Clinic", Role.ProviderRepresentative);
        var (stranger, _) = await ProviderAsync("rep.stranger@billing.example", "Stranger Clinic", Role.ProviderRepresentative);
        using var ownerApi = await ApiAsync(owner, "Owner", "AppealsRead", "AppealsFile");
        using var strangerApi = await ApiAsync(stranger, "Stranger", "AppealsRead", "AppealsFile");
        using var readOnly = await ApiAsync(owner, "Read only", "AppealsRead");
        using var created = await FileAsync(ownerApi, Informal(provider));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appealId").GetGuid();

        (await strangerApi.GetAsync($"/api/v1/appeals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await strangerApi.GetAsync($"/api/v1/appeals/{id}/timeline")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await strangerApi.PostAsJsonAsync($"/api/v1/appeals/{id}/withdraw", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await strangerApi.PostAsJsonAsync($"/api/v1/appeals/{id}/formal", new { decisionReceivedBy = "Mail" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var strangers = await strangerApi.GetFromJsonAsync<JsonElement>("/api/v1/appeals");
        strangers.GetProperty("items").GetArrayLength().ShouldBe(0);
        strangers.GetProperty("total").GetInt32().ShouldBe(0);
        (await readOnly.PostAsJsonAsync("/api/v1/appeals/informal", Informal(provider))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Portal.CreateClient().GetAsync("/api/v1/appeals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_openapi_document_describes_the_appeals_api()
    {
        var document = await Portal.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/v1/appeals/informal", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/appeals/{id}/withdraw", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/appeals/{id}/timeline", out _).ShouldBeTrue();
    }

    private static Dictionary<string, object> Informal(Guid provider) => new()
    {
        ["providerId"] = provider.ToString(),
        ["actionType"] = "ClaimDenial",
        ["noticeDate"] = "2026-11-10",
        ["receivedBy"] = "Email",
        ["fromMco"] = "no",
        ["items"] = new List<Dictionary<string, string>> { new() { ["reference"] = "CLM-2026-118734", ["amount"] = "4812.50", ["reason"] = "Authorized and documented." } },
        ["desiredOutcome"] = "Pay the claim as billed.",
        ["contactName"] = "Lee Park",
        ["contactPhone"] = "540-555-0142",
        ["contactEmail"] = "lee.park@clinic.example",
    };

    private static async Task<HttpResponseMessage> FileAsync(HttpClient api, Dictionary<string, object> form, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appeals/informal") { Content = JsonContent.Create(form) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await api.SendAsync(request);
    }
}
