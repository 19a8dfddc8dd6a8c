using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Aims.BuildingBlocks.Web;

/// <summary>
/// Sends a page's command through the pipeline and turns validation failures into messages beside the fields, so a
/// form never shows a 500 or a problem-details page for bad input.
/// </summary>
public static class FormCommands
{
    /// <returns>The handler's answer, or default when validation failed (the messages are then in <paramref name="modelState"/>).</returns>
    public static async Task<T?> SendFormAsync<T>(this IMediator mediator, IRequest<T> command, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        if (!modelState.IsValid)
        {
            return default;
        }

        try
        {
            return await mediator.Send(command, cancellationToken);
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                modelState.AddModelError(string.IsNullOrEmpty(prefix) ? failure.PropertyName : $"{prefix}.{failure.PropertyName}", failure.ErrorMessage);
            }

            return default;
        }
    }
}
