using Npgsql;

namespace Aims.Benchmarks;

/// <summary>Where the benchmarks run: the cluster ./build.sh bench provisions, and its pgbench.</summary>
internal sealed class BenchEnvironment
{
    private BenchEnvironment(string adminConnectionString, string pgbench)
    {
        AdminConnectionString = adminConnectionString;
        Pgbench = pgbench;
    }

    public string AdminConnectionString { get; }

    public string Pgbench { get; }

    public static BenchEnvironment FromVariables()
    {
        var admin = Environment.GetEnvironmentVariable("AIMS_BENCH_POSTGRES");
        var pgbench = Environment.GetEnvironmentVariable("AIMS_PGBENCH");
        if (string.IsNullOrEmpty(admin) || string.IsNullOrEmpty(pgbench))
        {
            throw new InvalidOperationException("AIMS_BENCH_POSTGRES and AIMS_PGBENCH are not set: run the benchmarks with ./build.sh bench.");
        }

        return new BenchEnvironment(admin, pgbench);
    }

    public async Task<string> RecreateDatabaseAsync(string name)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, MaxPoolSize = 64 }.ConnectionString;
    }
}
