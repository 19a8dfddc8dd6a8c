using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace Aims.BuildingBlocks.Web;

/// <summary>
/// Sends an API caller's command through the pipeline; a validation failure names its fields as the JSON does
/// (<c>agencyName</c>, <c>items[0].amount</c>) rather than as the C# command does, and becomes a 400 problem.
/// </summary>
public static class ApiCommands
{
    public static async Task<T> SendApiAsync<T>(this IMediator mediator, IRequest<T> command, CancellationToken cancellationToken)
    {
        try
        {
            return await mediator.Send(command, cancellationToken);
        }
        catch (ValidationException invalid)
        {
            throw new ValidationException(invalid.Errors.Select(e => new ValidationFailure(JsonName(e.PropertyName), e.ErrorMessage)));
        }
    }

    private static string JsonName(string property) => string.Join('.',
        (property.StartsWith("Form.", StringComparison.Ordinal) ? property[5..] : property).Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
