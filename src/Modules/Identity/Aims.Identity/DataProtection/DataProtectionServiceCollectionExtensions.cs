using Aims.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Aims.Identity.DataProtection;

internal static class DataProtectionServiceCollectionExtensions
{
    public const string ApplicationName = "aims";

    /// <summary>
    /// One key ring for every host, stored in the database (ADR 0012); Identity keeps it, as the cookies, tokens and
    /// bot-check signatures it protects are Identity's. The schema and its recorded migration are as before (ADR 0046).
    /// </summary>
    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services)
    {
        services.AddSingleton(new ModuleSchema("dataprotection", SqlMigration.EmbeddedIn(typeof(DatabaseKeyRepository).Assembly, "DataProtection")));
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new DatabaseKeyRepository(provider.GetRequiredService<NpgsqlDataSource>())));
        return services;
    }
}
