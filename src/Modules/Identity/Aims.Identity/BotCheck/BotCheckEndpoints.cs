using Aims.BuildingBlocks.Persistence;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Identity.BotCheck;

/// <summary>The bot check of every public form: Identity's own, and Registration's through <see cref="VerifyBotCheck"/>.</summary>
internal static class BotCheckEndpoints
{
    public const string ChallengePath = "/bot-check/challenge";

    public static IServiceCollection AddBotCheck(this IServiceCollection services, IConfiguration configuration)
    {
        // Its own schema, as when it lived in the building blocks: the recorded migration is not run again.
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

internal sealed class VerifyBotCheckHandler(ProofOfWorkBotCheck botCheck) : IRequestHandler<VerifyBotCheck, bool>
{
    public Task<bool> Handle(VerifyBotCheck request, CancellationToken cancellationToken) =>
        botCheck.VerifyAsync(request.Payload, cancellationToken);
}
