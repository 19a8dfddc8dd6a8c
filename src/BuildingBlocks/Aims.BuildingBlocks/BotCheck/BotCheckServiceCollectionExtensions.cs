using Aims.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.BuildingBlocks.BotCheck;

public static class BotCheckServiceCollectionExtensions
{
    public const string ChallengePath = "/bot-check/challenge";

    public static IServiceCollection AddBotCheck(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleSchema("botcheck", SqlMigration.EmbeddedIn(typeof(ProofOfWorkBotCheck).Assembly, "BotCheck")));
        services.Configure<BotCheckOptions>(configuration.GetSection(BotCheckOptions.Section));
        services.AddSingleton<ProofOfWorkBotCheck>();
        return services;
    }

    /// <summary>The challenge the page script fetches; never cached, since each one is single-use.</summary>
    public static IEndpointRouteBuilder MapBotCheck(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ChallengePath, (ProofOfWorkBotCheck botCheck, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(botCheck.Create());
        }).AllowAnonymous();
        return endpoints;
    }
}
