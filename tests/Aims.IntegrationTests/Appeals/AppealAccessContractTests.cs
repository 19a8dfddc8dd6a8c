using Aims.Appeals;
using Aims.Appeals.Contracts;
using Aims.Host.Composition;
using Aims.Identity;
using Aims.Notifications;
using Aims.Registration;
using Aims.Testing;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.Appeals;

/// <summary>The appeal-access contract other modules ask; no listed party means no access (their 404).</summary>
public sealed class AppealAccessContractTests
{
    private ServiceProvider services = null!;
    private string connectionString = "";

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        connectionString = await TestDatabase.RecreateAsync("aims_test_appeals_access");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Aims"] = connectionString,
        }).Build();
        var collection = new ServiceCollection().AddLogging();
        // Appeals asks Registration who acts for which provider and agency, and Identity whether someone is staff.
        collection.AddAims(configuration, [new IdentityModule(), new RegistrationModule(), new AppealsModule(), new NotificationsModule()]);
        services = collection.BuildServiceProvider();
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public ValueTask TearDownAsync() => services.DisposeAsync();

    [Test]
    public async Task Nobody_has_access_to_an_appeal_they_are_not_a_party_to()
    {
        (await AskAsync(Guid.NewGuid(), Guid.NewGuid())).ShouldBe(AppealAccess.None);
    }

    [Test]
    public async Task A_listed_party_gets_exactly_the_rights_recorded_for_them_and_no_one_else_does()
    {
        var appeal = Guid.NewGuid();
        var coordinator = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO appeals.appeal_access VALUES (@a, @u, 'AgencyCoordinator', true, false)", connection);
            insert.Parameters.AddWithValue("a", appeal);
            insert.Parameters.AddWithValue("u", coordinator);
            await insert.ExecuteNonQueryAsync();
        }

        (await AskAsync(appeal, coordinator)).ShouldBe(new AppealAccess(true, true, false, AppealParty.AgencyCoordinator));
        (await AskAsync(appeal, Guid.NewGuid())).ShouldBe(AppealAccess.None);
        (await AskAsync(Guid.NewGuid(), coordinator)).ShouldBe(AppealAccess.None);
    }

    private async Task<AppealAccess> AskAsync(Guid appeal, Guid user)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetAppealAccess(appeal, user));
    }
}
