using System.Net.Sockets;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Aims.Host.Web;

/// <summary>
/// RFC 9457 problem details for known failures (400 naming each field, 404, 409, 503); anything else is a 500 without
/// internals: the error page for a browser, problem details for every other caller.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page; who asked is decided by the original path.
        var wantsHtml = WebApplicationExtensions.WantsHtml(httpContext.Request, httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path);
        var problem = exception switch
        {
            ValidationException validation => new ValidationProblemDetails(
                validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Some fields need attention.",
            },
            NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found.", notFound.Message),
            ConcurrencyException conflict => Problem(StatusCodes.Status409Conflict, "This record changed.", conflict.Message),
            RuleViolationException rule => Problem(StatusCodes.Status409Conflict, "That action is not allowed now.", rule.Message),
            BadHttpRequestException badRequest => Problem(badRequest.StatusCode, "The request could not be read.", badRequest.Message),
            _ when IsDatabaseUnavailable(exception) => Problem(
                StatusCodes.Status503ServiceUnavailable, "The service is temporarily unavailable.", "Please try again in a minute."),
            // The last line of defence behind TextCharacters: text the database cannot store is the caller's error.
            _ when IsUnstorableText(exception) => Problem(
                StatusCodes.Status400BadRequest, "The request could not be read.", TextCharacters.ControlMessage),
            _ when !wantsHtml => Problem(
                StatusCodes.Status500InternalServerError, "Something went wrong on our side.", "The error was logged. Try again later, or call the AIMS helpline."),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "30";
        }

        if (wantsHtml)
        {
            // The status is set; the error page renders it for the browser.
            return false;
        }

        if (await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            return true;
        }

        // A program that asked for HTML only (Accept: text/html on /api) still gets problem details, never the error page;
        // the problem-details service writes only what the Accept header names, so this one is written directly.
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", cancellationToken);
        return true;
    }

    public static bool IsDatabaseUnavailable(Exception exception) => exception switch
    {
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => true,
        NpgsqlException npgsql when npgsql.IsTransient => true,
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.CrashShutdown } => true,
        InvalidOperationException { InnerException: { } inner } => IsDatabaseUnavailable(inner),
        _ when exception.InnerException is NpgsqlException inner => IsDatabaseUnavailable(inner),
        _ => false,
    };

    /// <summary>22021 (a NUL or a byte sequence the encoding refuses) and 22P05 (NUL in JSON text), wherever they are wrapped.</summary>
    public static bool IsUnstorableText(Exception? exception) => exception switch
    {
        null => false,
        PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } => true,
        _ => IsUnstorableText(exception.InnerException),
    };

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
