using System.Security.Claims;
using Aims.Appeals.Cases;
using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Requests;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Aims.Appeals.Api;

/// <summary>
/// /api/v1/appeals: the same commands and access rule as the pages (others get 404); 400 field names are JSON names.
/// An <c>Idempotency-Key</c> header makes a retried filing return the first appeal (200) instead of filing again (201).
/// </summary>
internal static class AppealsApi
{
    private const string IdempotencyHeader = "Idempotency-Key";

    public static void MapAppealsApi(this IEndpointRouteBuilder endpoints)
    {
        var appeals = endpoints.MapGroup("/api/v1/appeals").WithTags("Appeals");
        var read = ApiScopes.Policy(ApiScope.AppealsRead);
        var file = ApiScopes.Policy(ApiScope.AppealsFile);

        appeals.MapGet("/", ListAsync).RequireAuthorization(read).WithName("ListAppeals");
        appeals.MapGet("/{id:guid}", GetAsync).RequireAuthorization(read).WithName("GetAppeal");
        appeals.MapGet("/{id:guid}/timeline", TimelineAsync).RequireAuthorization(read).WithName("GetAppealTimeline");
        appeals.MapPost("/informal", FileInformalAsync).RequireAuthorization(file).WithName("FileInformalAppeal");
        appeals.MapPost("/{id:guid}/formal", FileFormalAsync).RequireAuthorization(file).WithName("FileFormalAppeal");
        appeals.MapPost("/{id:guid}/withdraw", WithdrawAsync).RequireAuthorization(file).WithName("WithdrawAppeal");
        appeals.MapPost("/{id:guid}/requests", AskAsync).RequireAuthorization(file).WithName("AskAppealsDivision");
    }

    /// <summary>One page of the caller's appeals with the total (ADR 0037); <paramref name="q"/> searches as the pages do.</summary>
    private static async Task<Ok<AppealListPage>> ListAsync(
        ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken,
        bool closed = false, AppealKind? kind = null, AppealStatus? status = null, AppealSort sort = AppealSort.NextDeadline,
        string? q = null, int page = 1) =>
        TypedResults.Ok(await mediator.Send(new ListAppeals(Filer.From(user).UserId, closed, kind, status, sort, q, page), cancellationToken));

    private static async Task<Results<Ok<AppealResource>, NotFound<ProblemDetails>>> GetAsync(
        Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new GetAppeal(Filer.From(user).UserId, id), cancellationToken) is { } view
            ? TypedResults.Ok(AppealResource.From(view))
            : NotFound();

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound<ProblemDetails>>> TimelineAsync(
        Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new GetAppeal(Filer.From(user).UserId, id), cancellationToken) is { } view
            ? TypedResults.Ok(view.Timeline)
            : NotFound();

    private static Task<Results<Created<FiledAppeal>, Ok<FiledAppeal>>> FileInformalAsync(
        InformalAppealForm form, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        FileAsync(http, key => new FileInformalAppeal(Filer.From(user), key, null, form), mediator, cancellationToken);

    private static Task<Results<Created<FiledAppeal>, Ok<FiledAppeal>>> FileFormalAsync(
        Guid id, FormalAppealForm form, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        form.InformalAppealId = id;
        return FileAsync(http, key => new FileFormalAppeal(Filer.From(user), key, null, form), mediator, cancellationToken);
    }

    private static async Task<Ok<WithdrawnAppeal>> WithdrawAsync(
        Guid id, WithdrawalRequest? request, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.SendApiAsync(new WithdrawAppeal(Filer.From(user), id, request?.Version, request?.Reason), cancellationToken));

    private static async Task<Created<AskedDivision>> AskAsync(
        Guid id, DivisionRequestBody? request, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken)
    {
        var asked = await mediator.SendApiAsync(
            new AskDivision(Filer.From(user), id, request?.Version, request?.Kind, request?.Reason, request?.CompellingReason), cancellationToken);
        return TypedResults.Created($"/api/v1/appeals/{id}/timeline", asked);
    }

    private static async Task<Results<Created<FiledAppeal>, Ok<FiledAppeal>>> FileAsync(
        HttpContext http, Func<string, IRequest<FiledAppeal>> command, IMediator mediator, CancellationToken cancellationToken)
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString().Trim();
        if (key.Length > 200)
        {
            throw new ValidationException([new ValidationFailure(IdempotencyHeader, "Use an idempotency key of at most 200 characters.")]);
        }

        var filed = await mediator.SendApiAsync(command(key.Length == 0 ? Guid.NewGuid().ToString() : "api:" + key), cancellationToken);
        return filed.Replayed ? TypedResults.Ok(filed) : TypedResults.Created($"/api/v1/appeals/{filed.AppealId}", filed);
    }

    private static NotFound<ProblemDetails> NotFound() =>
        TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = "No such appeal." });
}

internal sealed record WithdrawalRequest(string? Reason, long? Version);

/// <summary>What an appellant asks the division for (ADR 0038): <c>NewDate</c>, <c>GoodCause</c> or <c>Exceptions</c>.</summary>
internal sealed record DivisionRequestBody(RequestKind? Kind, string? Reason, string? CompellingReason, long? Version);

/// <summary>
/// An appeal as the API shows it: the list fields, the filing as filed, the decisions and the history. The next
/// deadline and step come as stable codes (<c>nextDeadlineKind</c>, <c>nextStepCode</c>) beside their English words (ADR 0043).
/// </summary>
internal sealed record AppealResource(
    Guid Id, string CaseNumber, AppealKind Kind, AppealStatus Status, string AppellantName, string ActionType, ProviderRef? Provider, AgencyRef? Agency,
    DateOnly FiledOn, DateOnly LastDayToFile, bool Timely, bool Expedited, DateOnly? NextDeadline, DeadlineKind? NextDeadlineKind, string? NextDeadlineWhat,
    AppealStep? NextStepCode, string? NextStep, long Version, AppealParty? YourRole, object Filing, IReadOnlyList<DecisionIssued> Decisions,
    WithdrawnByAppellant? Withdrawal, IReadOnlyList<TimelineEntry> Timeline)
{
    public static AppealResource From(AppealView view)
    {
        var a = view.Appeal;
        return new(a.Id, a.CaseNumber, a.Kind, a.Status, a.AppellantName, a.ActionType, a.Provider, a.Agency, a.FiledOn, a.LastDayToFile, a.Timely,
            a.Expedited, a.NextDeadline?.Date, a.NextDeadline?.Kind, a.NextDeadline is { } next ? AppealLabels.Deadline(next.Kind) : null,
            a.NextStep, a.NextStep is { } step ? AppealLabels.Step(step) : null, a.Version, view.Access.Party, a.Filing, view.Decisions, a.Withdrawal, view.Timeline);
    }
}
