using System.Net;
using Aims.Testing;
using Npgsql;

namespace Aims.IntegrationTests.Host;

/// <summary>The real host's health endpoints, and how it rides out a database that goes away and comes back.</summary>
public sealed class HostHealthTests
{
    [Test]
    public async Task Live_and_ready_answer_200_with_the_database_up()
    {
        await using var factory = new AimsAppFactory(await TestDatabase.RecreateAsync("aims_test_host"));
        using var client = factory.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task When_the_database_goes_away_ready_fails_with_503_and_recovers_by_itself_when_it_returns()
    {
        var direct = new NpgsqlConnectionStringBuilder(await TestDatabase.RecreateAsync("aims_test_host_outage"));
        await using var proxy = new TcpProxy(direct.Host!, direct.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 };
        await using var factory = new AimsAppFactory(throughProxy.ConnectionString);
        using var client = factory.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        proxy.Cut();
        var down = await client.GetAsync("/health/ready");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        proxy.Restore();
        var recovered = await EventuallyAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK);

        down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        recovered.ShouldBeTrue("the host should recover without a restart");
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
