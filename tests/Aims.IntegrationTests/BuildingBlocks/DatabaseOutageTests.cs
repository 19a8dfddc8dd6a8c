using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aims.Testing;
using Npgsql;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>A request that needs the database while it is gone gets 503 problem details, and works again when it returns.</summary>
public sealed class DatabaseOutageTests
{
    [Test]
    public async Task A_database_backed_request_gets_503_during_an_outage_and_succeeds_after_it_without_a_restart()
    {
        var direct = new NpgsqlConnectionStringBuilder(BuildingBlocksDatabase.ConnectionString);
        await using var proxy = new TcpProxy(direct.Host!, direct.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 };
        await using var web = await ProbeWebApp.StartAsync(throughProxy.ConnectionString);
        (await web.Client.GetAsync("/notes/count")).StatusCode.ShouldBe(HttpStatusCode.OK);

        proxy.Cut();
        var duringOutage = await web.Client.GetAsync("/notes/count");

        duringOutage.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        duringOutage.Headers.RetryAfter.ShouldNotBeNull();
        var problem = await duringOutage.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().ShouldBe("The service is temporarily unavailable.");

        proxy.Restore();
        HttpStatusCode after = default;
        for (var attempt = 0; attempt < 20 && after != HttpStatusCode.OK; attempt++)
        {
            after = (await web.Client.GetAsync("/notes/count")).StatusCode;
        }

        after.ShouldBe(HttpStatusCode.OK);
    }
}
