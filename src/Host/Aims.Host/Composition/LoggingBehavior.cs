using System.Diagnostics;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Modules;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Aims.Host.Composition;

/// <summary>One structured log line per request, carrying the correlation id; expected refusals are not errors.</summary>
internal sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger, OperationContext operation)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = typeof(TRequest).Name;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["CorrelationId"] = operation.CorrelationId,
            ["ActorId"] = operation.ActorId,
            ["Request"] = name,
        });
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogInformation("{Request} handled in {ElapsedMs:F1} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception) when (exception is ValidationException or NotFoundException or ConcurrencyException or RuleViolationException)
        {
            logger.LogInformation("{Request} refused after {ElapsedMs:F1} ms: {Reason}", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
            throw;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "{Request} failed after {ElapsedMs:F1} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
