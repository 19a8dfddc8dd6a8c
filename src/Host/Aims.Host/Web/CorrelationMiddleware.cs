using System.Security.Claims;
using System.Text.RegularExpressions;
using Aims.BuildingBlocks.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aims.Host.Web;

/// <summary>
/// Takes a well-formed X-Correlation-Id (or makes one) into the <see cref="OperationContext"/> and the logs. Echoed as
/// the response starts, so it survives the exception handler clearing headers (the 500 page shows it).
/// </summary>
internal sealed partial class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context, OperationContext operation)
    {
        if (context.Request.Headers[Header].ToString() is { Length: > 0 } supplied && WellFormed().IsMatch(supplied))
        {
            operation.CorrelationId = supplied;
        }

        operation.ActorId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = operation.CorrelationId;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object?> { ["CorrelationId"] = operation.CorrelationId }))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex WellFormed();
}
