using System.Text.RegularExpressions;
using System.Net;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Validation;
using Aims.Identity.Contracts;
using Aims.IntegrationTests.Registration;
using Aims.Registration.Contracts;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// The portal with the parties an appeal needs, each made the way the product makes them: providers through their
/// profile page, clients through theirs; agencies and coordinators are inserted as an approval leaves them.
/// </summary>
public abstract partial class AppealsTest(string database) : RegistrationTest(database)
{
    private static int npiSerial = 100_000;

    /// <summary>A signed-in provider user who administers a new provider; returns the browser and the provider's id.</summary>
    protected async Task<(FormClient Browser, Guid ProviderId)> ProviderAsync(string email, string name = "Blue Ridge Family Clinic", Role role = Role.ProviderUser)
    {
        var browser = await SignedInAsync(email, role);
        var created = await browser.PostAsync("/providers/new", new Dictionary<string, string?>
        {
            ["Form.Name"] = name,
            ["Form.Npi"] = NextNpi(),
            ["Form.MedicaidProviderId"] = "A1234567",
            ["Form.Street"] = "100 Main Street",
            ["Form.City"] = "Staunton",
            ["Form.State"] = "VA",
            ["Form.Zip"] = "24401",
            ["Form.ContactName"] = "Lee Park",
            ["Form.ContactPhone"] = "540-555-0142",
            ["Form.ContactEmail"] = email,
            ["Form.InMcoNetwork"] = "true",
        });
        created.Location.ShouldNotBeNull(created.Text);
        var providerId = Guid.Parse(created.Location!["/providers/".Length..]);
        await VerifyClaimAsync(providerId);
        return (browser, providerId);
    }

    /// <summary>Verifies the pending identity claim of a client (their user id) or a provider, as a reviewer's approval leaves it.</summary>
    protected Task VerifyClaimAsync(Guid subjectId) => ExecuteAsync(
        "UPDATE registration.identity_claims SET status = 'Verified', method = 'Review', decided_at = now() WHERE subject_id = @subject AND status = 'Pending'",
        new() { ["subject"] = subjectId });

    /// <summary>Someone else acting for the provider, as an accepted invitation leaves them.</summary>
    protected async Task<FormClient> MemberAsync(Guid providerId, string email, Role role = Role.ProviderUser)
    {
        var userId = await CreateAccountAsync(email, role);
        await ExecuteAsync(
            "INSERT INTO registration.provider_members VALUES (@provider, @user, 'Sam Colleague', @email, false, now())",
            new() { ["provider"] = providerId, ["user"] = userId, ["email"] = email });
        var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);
        return browser;
    }

    /// <summary>A signed-in client appellant with their details for appeals filled in.</summary>
    protected async Task<FormClient> ClientAsync(string email, string medicaidId, string name = "Maria Lopez")
    {
        var browser = await SignedInAsync(email, Role.ClientAppellant);
        var saved = await browser.PostAsync("/client/profile", ClientProfileFields(medicaidId, name));
        saved.Location.ShouldBe("/client/profile", saved.Text);
        await VerifyClaimAsync(await UserIdAsync(email));
        return browser;
    }

    protected async Task<FormClient> SignedInAsync(string email, Role role)
    {
        await CreateAccountAsync(email, role);
        var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);
        return browser;
    }

    /// <summary>A new browser signed in as an existing account (a coordinator an agency was made with, say).</summary>
    protected async Task<FormClient> SignIn(string email)
    {
        var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);
        return browser;
    }

    /// <summary>A signed-in member of the Appeals Division's staff, on the staff path.</summary>
    protected async Task<FormClient> StaffAsync(string email, Role role)
    {
        await CreateAccountAsync(email, role, staff: true);
        var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password, staff: true);
        return browser;
    }

    /// <summary>An agency with active coordinators, as approved access requests leave it; returns its id.</summary>
    protected async Task<Guid> AgencyAsync(AgencyType type, string name, params string[] coordinators)
    {
        var agencyId = Guid.NewGuid();
        await ExecuteAsync(
            "INSERT INTO registration.agencies VALUES (@id, @name, @type, '600 East Broad Street', 'Richmond', 'VA', '23219', now())",
            new() { ["id"] = agencyId, ["name"] = name, ["type"] = type.ToString() });
        foreach (var email in coordinators)
        {
            var userId = await CreateAccountAsync(email, Role.AgencyCoordinator);
            await ExecuteAsync(
                "INSERT INTO registration.agency_coordinators VALUES (@user, @agency, 'Jordan Reyes', @email, now(), NULL)",
                new() { ["user"] = userId, ["agency"] = agencyId, ["email"] = email });
        }

        return agencyId;
    }

    protected static Dictionary<string, string?> InformalFields(Guid providerId, string noticeDate, string receivedBy = "Email", Guid? agencyId = null) => new()
    {
        ["Form.ProviderId"] = providerId.ToString(),
        ["Form.ActionType"] = "ClaimDenial",
        ["Form.AgencyId"] = agencyId?.ToString() ?? "",
        ["Form.NoticeDate"] = noticeDate,
        ["Form.ReceivedBy"] = receivedBy,
        ["Form.FromMco"] = "no",
        ["Form.Items[0].Reference"] = "CLM-2026-118734",
        ["Form.Items[0].Amount"] = "4,812.50",
        ["Form.Items[0].Reason"] = "The visit was authorized and documented.",
        ["Form.DesiredOutcome"] = "Pay the claim as billed.",
        ["Form.ContactName"] = "Lee Park",
        ["Form.ContactPhone"] = "540-555-0142",
        ["Form.ContactEmail"] = "lee.park@clinic.example",
    };

    protected static Dictionary<string, string?> FormalFields(string receivedBy) => new()
    {
        ["Form.DecisionReceivedBy"] = receivedBy,
        ["Form.Grounds"] = "The sample was extrapolated from the wrong universe of claims.",
        ["Form.ContactName"] = "Lee Park",
        ["Form.ContactPhone"] = "540-555-0142",
        ["Form.ContactEmail"] = "lee.park@clinic.example",
    };

    protected static Dictionary<string, string?> ClientFields(string noticeDate, string? effectiveDate = null) => new()
    {
        ["Form.ActionType"] = "BenefitsReduced",
        ["Form.ActionDescription"] = "My personal care hours were cut in half.",
        ["Form.NoticeDate"] = noticeDate,
        ["Form.EffectiveDate"] = effectiveDate,
        ["Form.Expedited"] = "no",
        ["Form.McoMember"] = "no",
        ["Form.ContactName"] = "Maria Lopez",
        ["Form.ContactPhone"] = "804-555-0177",
        ["Form.ContactEmail"] = "maria.lopez@example.com",
    };

    /// <summary>Files through the page and returns the new appeal's id (the confirmation page's address names it).</summary>
    /// <summary>A client appeal filed by someone for the appellant, in the given capacity.</summary>
    protected static Dictionary<string, string?> RepresentativeFields(string capacity, string appellant, string medicaidId)
    {
        var fields = ClientFields("11/16/2026");
        fields["Form.Capacity"] = capacity;
        fields["Form.AppellantName"] = appellant;
        fields["Form.MedicaidId"] = medicaidId;
        return fields;
    }

    protected static async Task<Guid> FileAsync(FormClient browser, string page, IReadOnlyDictionary<string, string?> fields)
    {
        var filed = await browser.PostAsync(page, fields);
        filed.Status.ShouldBe(HttpStatusCode.Redirect, filed.Text);
        filed.Location.ShouldNotBeNull();
        filed.Location.ShouldEndWith("/filed");
        return Guid.Parse(filed.Location.Split('/')[2]);
    }

    /// <summary>Stands in for the informal appeals agent (the staff screens come with their own issue).</summary>
    private protected async Task IssueDecisionAsync(Guid appealId, DecisionLevel level, DateOnly decidedOn, DateOnly? furtherAppealBy)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var store = scope.ServiceProvider.GetRequiredService<EventStreams>();
        await session.BeginAsync(CancellationToken.None);
        var appeal = (await store.LoadAsync<Appeal>(appealId, CancellationToken.None))!;
        await store.AppendAsync(appealId, appeal.Version, [new DecisionIssued(
            level, decidedOn, "Sustained", "The adjustment is supported by the audit sample.\nThe adjustment is sustained.",
            new Person(Guid.NewGuid(), "Avery Quinn"), furtherAppealBy)], CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
    }

    protected async Task<Guid> UserIdAsync(string email) =>
        (Guid)(await ScalarAsync("SELECT id FROM identity.asp_net_users WHERE normalized_email = @p", email.ToUpperInvariant()))!;

    /// <summary>The appeal emails sent to someone (their sign-in codes left out).</summary>
    protected async Task<IReadOnlyList<OutboxReader.Email>> AppealEmailsToAsync(string email) =>
        (await EmailsToAsync(email)).Where(e => e.Subject.Contains("ppeal", StringComparison.Ordinal)).ToList();

    protected async Task ExecuteAsync(string sql, Dictionary<string, object> parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A fresh NPI with a valid check digit, so every test's provider is a different one.</summary>
    private static string NextNpi()
    {
        var stem = "1" + Interlocked.Increment(ref npiSerial).ToString("D8");
        return Enumerable.Range(0, 10).Select(d => stem + d).First(Npi.IsValid);
    }

    /// <summary>An API client with a token the signed-in <paramref name="browser"/> issued with these scopes.</summary>
    protected async Task<HttpClient> ApiAsync(FormClient browser, string name, params string[] scopes)
    {
        var fields = new List<KeyValuePair<string, string?>> { new("Name", name), new("Days", "90") };
        fields.AddRange(scopes.Select(s => new KeyValuePair<string, string?>("Scopes", s)));
        var issued = await browser.PostAsync("/account/api-tokens", fields, "/account/api-tokens?handler=Issue");
        issued.Location.ShouldBe("/account/api-tokens", issued.Text);
        var secret = Secret().Match((await browser.GetAsync("/account/api-tokens")).Html).Value;
        var client = Portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Opens an action page, keeps the version it shows, and posts the form with it.</summary>
    protected static async Task<FormClient.Page> ActAsync(FormClient browser, string page, Dictionary<string, string?> fields, long? seenVersion = null)
    {
        var shown = await browser.GetAsync(page);
        shown.Status.ShouldBe(HttpStatusCode.OK, shown.Text);
        fields["SeenVersion"] = (seenVersion ?? long.Parse(SeenVersion().Match(shown.Html).Groups[1].Value)).ToString();
        return await browser.PostWithTokenAsync(page, fields, shown.AntiforgeryToken);
    }

    /// <summary>A client appeal filed on a notice of 11/16/2026 against a new client agency with one coordinator, coord.{tag}@dss.example.</summary>
    protected async Task<(FormClient Client, Guid AppealId, string CaseNumber, Guid AgencyId)> ClientAppealAsync(string tag, string medicaidId)
    {
        var agency = await AgencyAsync(AgencyType.ClientAgency, $"Richmond DSS {tag}", $"coord.{tag}@dss.example");
        var client = await ClientAsync($"client.{tag}@example.com", medicaidId);
        var fields = ClientFields("11/16/2026");
        fields["Form.AgencyId"] = agency.ToString();
        fields["Form.ContactEmail"] = $"client.{tag}@example.com";
        var id = await FileAsync(client, "/appeals/file/client", fields);
        var caseNumber = CaseNumber().Match((await client.GetAsync($"/appeals/{id}")).Text).Value;
        return (client, id, caseNumber, agency);
    }

    [GeneratedRegex("name=\"SeenVersion\" value=\"(\\d+)\"")]
    protected static partial Regex SeenVersion();

    [GeneratedRegex(@"(CL|PI|PF)-\d{4}-\d{6,}")]
    protected static partial Regex CaseNumber();

    [GeneratedRegex(@"aims_pat_[A-Za-z0-9_-]{43}")]
    private static partial Regex Secret();
}
