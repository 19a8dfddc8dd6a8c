using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aims.Testing;

namespace Aims.IntegrationTests.Registration;

/// <summary>POST /api/v1/access-requests: the form's rules as JSON, 202 when pending, 400 naming JSON fields.</summary>
public sealed class AccessRequestApiTests() : RegistrationTest("aims_test_access_request_api")
{
    [Test]
    public async Task A_request_sent_as_json_is_pending_emailed_and_in_the_queue()
    {
        using var api = Portal.CreateClient();

        var answer = await api.PostAsJsonAsync("/api/v1/access-requests", await BodyAsync(api, "api.requester@henrico.example"));

        answer.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await answer.Content.ReadAsStringAsync()).ShouldContain("We reply to api.requester@henrico.example by email");
        (await EmailsToAsync("api.requester@henrico.example")).Single().Subject.ShouldBe("Your AIMS access request is pending review");
        (await CountAsync("SELECT count(*) FROM registration.access_requests WHERE email = @p AND status = 'Pending'", "api.requester@henrico.example")).ShouldBe(1L);
        (await NewBrowser().Http.GetStringAsync("/openapi/v1.json")).ShouldContain("/api/v1/access-requests");
    }

    [Test]
    public async Task Bad_fields_a_failed_bot_check_and_a_second_pending_request_are_400s_naming_the_json_fields()
    {
        using var api = Portal.CreateClient();
        var body = await BodyAsync(api, "api.bad@henrico.example");
        body["agencyName"] = "";
        body["zip"] = "2322";
        body["phone"] = "12345";
        body["mayActForAgency"] = false;
        body["botCheck"] = "forged";

        var refused = await api.PostAsJsonAsync("/api/v1/access-requests", body);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(["agencyName", "botCheck", "mayActForAgency", "phone", "zip"]);
        errors.GetProperty("zip")[0].GetString().ShouldNotBeNullOrEmpty();
        (await CountAsync("SELECT count(*) FROM registration.access_requests WHERE email = @p", "api.bad@henrico.example")).ShouldBe(0L);

        (await api.PostAsJsonAsync("/api/v1/access-requests", await BodyAsync(api, "api.twice@henrico.example"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var second = await api.PostAsJsonAsync("/api/v1/access-requests", await BodyAsync(api, "api.twice@henrico.example"));
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("email")[0].GetString()
            .ShouldStartWith("A request from this email address is already waiting for review.");

        var garbled = await api.PostAsync("/api/v1/access-requests", new StringContent("{\"agencyType\": ", System.Text.Encoding.UTF8, "application/json"));
        garbled.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        garbled.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private static async Task<Dictionary<string, object?>> BodyAsync(HttpClient api, string email)
    {
        var challenge = (await api.GetFromJsonAsync<BotChallenge>(BotCheckSolver.ChallengePath))!;
        return new Dictionary<string, object?>
        {
            ["agencyType"] = "ClientAgency",
            ["agencyName"] = "Henrico County Department of Social Services",
            ["street"] = "8600 Dixon Powers Drive",
            ["city"] = "Henrico",
            ["state"] = "VA",
            ["zip"] = "23228",
            ["requesterName"] = "Jordan Reyes",
            ["email"] = email,
            ["phone"] = "804-501-4000",
            ["supervisorName"] = "Casey Morgan",
            ["supervisorPhone"] = "(804) 501-4001",
            ["mobile"] = null,
            ["mayActForAgency"] = true,
            ["botCheck"] = BotCheckSolver.Solve(challenge),
        };
    }
}
