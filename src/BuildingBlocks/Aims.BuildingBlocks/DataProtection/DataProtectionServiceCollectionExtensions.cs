using Aims.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Aims.BuildingBlocks.DataProtection;

public static class DataProtectionServiceCollectionExtensions
{
    public const string ApplicationName = "aims";

    /// <summary>One key ring for every instance, stored in the database (ADR 0012).</summary>
    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services)
    {
        services.AddSingleton(new ModuleSchema("dataprotection", SqlMigration.EmbeddedIn(typeof(DatabaseKeyRepository).Assembly, "DataProtection")));
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new DatabaseKeyRepository(provider.GetRequiredService<NpgsqlDataSource>())));
        return services;
    }
}
