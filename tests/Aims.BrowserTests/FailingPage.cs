using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Aims.BrowserTests;

/// <summary>
/// A test-only address that throws inside the portal's pipeline (after its error handling), so tests can see what a
/// person gets when the portal fails unexpectedly.
/// </summary>
internal sealed class FailingPage : IStartupFilter
{
    public const string Path = "/test-only/fail";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((context, nextMiddleware) => context.Request.Path == Path
            ? throw new InvalidOperationException("Thrown on purpose by a test.")
            : nextMiddleware(context));
    };
}
