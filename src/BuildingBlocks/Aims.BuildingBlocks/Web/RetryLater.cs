using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Logging;

namespace Aims.BuildingBlocks.Web;

/// <summary>
/// The training material's promise: when saving fails for a reason the person cannot fix, the page says to retry after
/// <see cref="ContactOptions.RetryAfterMinutes"/>; the unit of work has rolled back.
/// </summary>
public static class RetryLater
{
    public static async Task<(T? Result, bool Failed)> SendFormAsync<T>(
        this IMediator mediator, IRequest<T> command, ModelStateDictionary modelState, string prefix, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return (await mediator.SendFormAsync(command, modelState, prefix, cancellationToken), false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "A form could not be saved ({Command}); the page says to retry later.", command.GetType().Name);
            return (default, true);
        }
    }
}
