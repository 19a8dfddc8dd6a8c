using System.Net.Http.Json;
using Aims.Identity.Contracts;
using Aims.IntegrationTests.Identity;
using Aims.Testing;
using Npgsql;

namespace Aims.IntegrationTests.Registration;

/// <summary>
/// The portal with what agency registration needs: an appeals administrator, a way to fill in and send the public
/// form (bot check solved), and delivery of the queued messages on demand (Registration decides, Identity acts).
/// </summary>
public abstract class RegistrationTest(string database) : PortalTest(database)
{
    protected const string Administrator = "reviewer@dmas.virginia.gov";

    private readonly string outbox = Path.Combine(Path.GetTempPath(), "aims-test-outbox-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Aims:TextMessages:Delivery"] = "Folder",
        ["Aims:TextMessages:Folder"] = outbox,
    };

    [OneTimeSetUp]
    public Task CreateAdministratorAsync() => CreateAccountAsync(Administrator, Role.AppealsAdministrator, staff: true);

    [OneTimeTearDown]
    public void RemoveOutbox()
    {
        if (Directory.Exists(outbox))
        {
            Directory.Delete(outbox, recursive: true);
        }
    }

    protected static Dictionary<string, string?> RequestFields(string email, string agencyName = "Henrico County Department of Social Services", string type = "ClientAgency") => new()
    {
        ["Form.AgencyType"] = type,
        ["Form.AgencyName"] = agencyName,
        ["Form.Street"] = "8600 Dixon Powers Drive",
        ["Form.City"] = "Henrico",
        ["Form.State"] = "VA",
        ["Form.Zip"] = "23228",
        ["Form.RequesterName"] = "Jordan Reyes",
        ["Form.Email"] = email,
        ["Form.Phone"] = "804-501-4000",
        ["Form.SupervisorName"] = "Casey Morgan",
        ["Form.SupervisorPhone"] = "(804) 501-4001",
        ["Form.Mobile"] = "804-555-0199",
        ["Form.MayActForAgency"] = "true",
    };

    protected static async Task<FormClient.Page> SubmitAsync(FormClient browser, IReadOnlyDictionary<string, string?> fields)
    {
        var challenge = (await browser.Http.GetFromJsonAsync<BotChallenge>(BotCheckSolver.ChallengePath))!;
        return await browser.PostAsync("/registration/agency", fields.Append(new("botcheck", BotCheckSolver.Solve(challenge))));
    }

    /// <summary>
    /// Delivers every queued message (integration events between modules, emails to the fixture's SMTP server) and runs
    /// the scheduled messages due by the test's clock.
    /// </summary>
    protected async Task DeliverAsync()
    {
        // Wolverine delivers the integration events, emails and scheduled messages by itself (the due ones made due now,
        // as its poller goes by the system clock); each may cause more, so this repeats until nothing is left.
        do
        {
            await WolverineInbox.MakeDueAsync(Portal.Services);
            await WolverineInbox.WaitUntilHandledAsync(Portal.Services);
        }
        while (await WolverineInbox.PendingAsync(Portal.Services) > 0);
    }

    /// <summary>When the scheduled message with this key is due by the AIMS clock, or null when none waits (asked of Wolverine).</summary>
    protected async Task<DateTimeOffset?> ScheduledAtAsync(string key) =>
        (await WolverineInbox.ScheduledAsync(Portal.Services)).SingleOrDefault(s => s.Key == key)?.DueAt;

    /// <summary>How many scheduled messages wait whose key starts with <paramref name="keyPrefix"/>.</summary>
    protected async Task<int> ScheduledCountAsync(string keyPrefix) =>
        (await WolverineInbox.ScheduledAsync(Portal.Services)).Count(s => s.Key?.StartsWith(keyPrefix, StringComparison.Ordinal) == true);

    /// <summary>How many scheduled messages with this key Wolverine handled.</summary>
    protected async Task<int> HandledCountAsync(string key) =>
        (await WolverineInbox.HandledScheduledAsync(Portal.Services)).Count(s => s.Key == key);

    /// <summary>A client appellant's details as the profile form takes them.</summary>
    protected static Dictionary<string, string?> ClientProfileFields(string medicaidId, string name = "Maria Lopez") => new()
    {
        ["Form.FullName"] = name,
        ["Form.DateOfBirth"] = "04/27/1961",
        ["Form.MedicaidId"] = medicaidId,
        ["Form.Street"] = "12 Elm Street",
        ["Form.City"] = "Richmond",
        ["Form.State"] = "VA",
        ["Form.Zip"] = "23219",
        ["Form.Phone"] = "804-555-0177",
    };

    protected async Task<FormClient> AdministratorAsync()
    {
        var admin = NewBrowser();
        await admin.SignInAsync(ConnectionString, Administrator, Password, staff: true);
        return admin;
    }

    protected async Task<Guid> RequestIdAsync(string email) => (Guid)(await ScalarAsync("SELECT id FROM registration.access_requests WHERE email = @p ORDER BY submitted_at DESC LIMIT 1", email))!;

    protected async Task<long> CountAsync(string sql, object? parameter = null) => (long)(await ScalarAsync(sql, parameter))!;

    protected async Task<object?> ScalarAsync(string sql, object? parameter = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("p", parameter);
        }

        return await command.ExecuteScalarAsync();
    }
}
