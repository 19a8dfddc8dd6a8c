using Aims.BuildingBlocks.Validation;
using FluentValidation;
using MediatR;

namespace Aims.Host.Composition;

/// <summary>
/// Runs every validator of the request before its handler, and the shared character check on all of its text
/// (<see cref="TextCharacters"/>); failures become a 400 naming each field.
/// </summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        // First and alone: validators may look the text up in the database, which refuses a NUL with an exception.
        if (TextCharacters.Check(request!) is { Count: > 0 } unreadable)
        {
            throw new ValidationException(unreadable);
        }

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next();
    }
}
