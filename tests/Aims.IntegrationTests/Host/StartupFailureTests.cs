using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Aims.IntegrationTests.Host;

/// <summary>Bad configuration stops start-up with one line saying what to fix, exit code 1 and no stack trace.</summary>
public sealed class StartupFailureTests
{
    [Test]
    public async Task An_invalid_connection_string_names_the_setting()
    {
        var outcome = await StartAsync("Nonsense=1");

        ShouldFailWith(outcome, "AIMS cannot start: ConnectionStrings:Aims is not a valid PostgreSQL connection string");
    }

    [Test]
    public async Task An_unreachable_database_names_the_server_and_what_to_do()
    {
        var closedPort = HostProcess.FreePort();

        var outcome = await StartAsync($"Host=127.0.0.1;Port={closedPort};Database=aims;Username=aims;Timeout=3");

        ShouldFailWith(outcome, $"AIMS cannot start: Cannot reach PostgreSQL at 127.0.0.1:{closedPort}, database 'aims'");
        outcome.Output.ShouldContain("start PostgreSQL or fix ConnectionStrings__Aims");
    }

    [Test]
    public async Task A_missing_database_says_to_create_it()
    {
        var missing = new NpgsqlConnectionStringBuilder(HostUnderTest.ConnectionString) { Database = "aims_test_no_such_database" }.ConnectionString;

        var outcome = await StartAsync(missing);

        ShouldFailWith(outcome, "database 'aims_test_no_such_database' does not exist: create it");
    }

    [Test]
    public async Task A_port_in_use_says_so()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var outcome = await StartAsync(HostUnderTest.ConnectionString, $"http://127.0.0.1:{port}");

        ShouldFailWith(outcome, "AIMS cannot start: The portal's address is already in use");
    }

    private static Task<HostProcess.Outcome> StartAsync(string connectionString, string urls = "http://127.0.0.1:0") =>
        HostProcess.RunAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Aims"] = connectionString,
            ["ASPNETCORE_URLS"] = urls,
        });

    internal static void ShouldFailWith(HostProcess.Outcome outcome, string line)
    {
        outcome.ExitCode.ShouldBe(1, outcome.Output);
        var lines = outcome.Output.Split('\n', StringSplitOptions.TrimEntries);
        lines.Count(l => l.StartsWith("AIMS cannot start: ", StringComparison.Ordinal)).ShouldBe(1, outcome.Output);
        outcome.Output.ShouldContain(line, Case.Sensitive, outcome.Output);
        lines.ShouldNotContain(l => l.StartsWith("at ", StringComparison.Ordinal), "no stack trace:\n" + outcome.Output);
    }
}
