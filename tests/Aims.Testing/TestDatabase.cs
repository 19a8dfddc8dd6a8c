using Npgsql;

namespace Aims.Testing;

/// <summary>
/// A fresh database per test assembly on the cluster that ./build.sh test provisions (AIMS_TEST_POSTGRES is the
/// admin connection string it passes), so assemblies running side by side never see each other's rows.
/// </summary>
public static class TestDatabase
{
    public const string AdminVariable = "AIMS_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(AdminVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{AdminVariable} is not set: run the tests with ./build.sh test, which provisions PostgreSQL and sets it.");

    /// <summary>Drops and recreates <paramref name="name"/>; returns its connection string.</summary>
    public static async Task<string> RecreateAsync(string name)
    {
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionStringFor(name);
    }

    public static string ConnectionStringFor(string name) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, ApplicationName = "aims-tests" }.ConnectionString;
}
