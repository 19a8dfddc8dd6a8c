using Aims.Appeals.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// A test-only database route behind the host's whole pipeline: Appeals' real <see cref="GetAppealAccess"/> through
/// MediatR, DbSession and EF Core, its failures through the host's error handling.
/// </summary>
internal sealed class AppealAccessProbe : IStartupFilter
{
    public const string Path = "/test/appeal-access";

    public static void Register(IServiceCollection services) => services.AddTransient<IStartupFilter, AppealAccessProbe>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // After the host's pipeline: reached only when no endpoint of the host matched, and inside its error handling.
        next(app);
        app.Map(Path, probe => probe.Run(async context =>
        {
            var access = await context.RequestServices.GetRequiredService<IMediator>()
                .Send(new GetAppealAccess(Guid.NewGuid(), Guid.NewGuid()), context.RequestAborted);
            await context.Response.WriteAsJsonAsync(access, context.RequestAborted);
        }));
    };
}
