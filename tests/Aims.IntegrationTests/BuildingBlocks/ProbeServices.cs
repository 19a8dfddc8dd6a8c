using Aims.BuildingBlocks;
using Aims.BuildingBlocks.Modules;
using Aims.MessagingProbe;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>The building blocks composed exactly as the host composes them, around the probe module.</summary>
internal static class ProbeServices
{
    public static ServiceProvider Create(TimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Aims"] = BuildingBlocksDatabase.ConnectionString,
                ["Aims:Messaging:RelayEnabled"] = "false",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddAims(configuration, [new ProbeModule()]);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Sends a request in a scope of its own, as one HTTP request would, with the given correlation id.</summary>
    public static async Task<T> SendAsync<T>(this IServiceProvider services, IRequest<T> request, string? correlationId = null, string actor = "tester")
    {
        await using var scope = services.CreateAsyncScope();
        var operation = scope.ServiceProvider.GetRequiredService<OperationContext>();
        operation.ActorId = actor;
        operation.CorrelationId = correlationId ?? operation.CorrelationId;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public static async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(BuildingBlocksDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static Task ExecuteAsync(string sql) => ScalarAsync<object>(sql + "; SELECT 1");

    /// <summary>Each test starts with empty message, inbox, bot-check and probe tables.</summary>
    public static Task ResetAsync() => ExecuteAsync(
        "TRUNCATE messaging.messages, messaging.inbox, botcheck.used_challenges, probe.notes, probe.received, probe.counters, probe.events, probe.streams");

    public static Task<long> CountAsync(string sqlWhere) => ScalarAsync<long>($"SELECT count(*) FROM {sqlWhere}");
}
