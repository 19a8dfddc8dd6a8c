using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>The building blocks behind real HTTP: what bad input and stale writes get, and the correlation id's path.</summary>
public sealed class ProblemDetailsHttpTests
{
    private ProbeWebApp web = null!;

    private HttpClient Client => web.Client;

    [OneTimeSetUp]
    public async Task StartAsync() => web = await ProbeWebApp.StartAsync(BuildingBlocksDatabase.ConnectionString);

    [OneTimeTearDown]
    public ValueTask StopAsync() => web.DisposeAsync();

    [SetUp]
    public Task SetUp() => ProbeServices.ResetAsync();

    [Test]
    public async Task Invalid_command_gets_400_problem_details_naming_each_field()
    {
        var response = await Client.PostAsJsonAsync("/notes", new { text = new string('x', 51) });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("errors").GetProperty("Text")[0].GetString()!.ShouldContain("50 characters or fewer");
        (await ProbeServices.CountAsync("probe.notes")).ShouldBe(0);
    }

    [Test]
    public async Task Stale_version_gets_409_problem_details_saying_to_reload()
    {
        var id = Guid.NewGuid();
        (await Client.PostAsync($"/counters/{id}", null)).EnsureSuccessStatusCode();
        (await Client.PostAsJsonAsync($"/counters/{id}/increments", new { expectedVersion = 1, amount = 1 })).EnsureSuccessStatusCode();

        var stale = await Client.PostAsJsonAsync($"/counters/{id}/increments", new { expectedVersion = 1, amount = 1 });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString()!.ShouldContain("Reload");
    }

    [Test]
    public async Task Callers_correlation_id_is_echoed_and_flows_into_the_outbox_message()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/notes") { Content = JsonContent.Create(new { text = "traced" }) };
        request.Headers.Add("X-Correlation-Id", "portal-req-9");

        var response = await Client.SendAsync(request);

        response.EnsureSuccessStatusCode();
        response.Headers.GetValues("X-Correlation-Id").Single().ShouldBe("portal-req-9");
        // The event travels on Wolverine and the receiver records the correlation id it was handed.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ProbeServices.CountAsync("probe.received WHERE correlation_id = 'portal-req-9'") == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the receiver never saw the request's correlation id");
            await Task.Delay(100);
        }
    }
}
