using System.Security.Claims;
using Aims.Appeals.Caseload;
using Aims.Appeals.Cases;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Requests;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Aims.Appeals.Api;

/// <summary>
/// Case work as JSON with the pages' commands. Each action carries the <c>version</c> read; a stale one is 409 "reload".
/// Division actions need <c>cases:work</c> plus the action's permission; agency ones <c>case-summaries:write</c>.
/// </summary>
internal static class CasesApi
{
    public static void MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/v1").WithTags("Case work");
        var work = ApiScopes.Policy(ApiScope.CasesWork);
        staff.MapGet("/staff/intake", async (IMediator mediator, CancellationToken ct, int page = 1) => TypedResults.Ok(await mediator.Send(new ListIntake(page), ct)))
            .RequireAuthorization(work, nameof(Permission.WorkIntakeQueue)).WithName("ListIntake");
        staff.MapGet("/staff/appeals", async ([AsParameters] AppealSearchQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchAppeals(query.ToSearch()), ct)))
            .RequireAuthorization(work, nameof(Permission.SearchAllAppeals)).WithName("SearchAppeals");
        staff.MapGet("/staff/deadlines", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct, bool mine = false, int within = 14) =>
                TypedResults.Ok(await mediator.Send(new ListDeadlines(mine ? Filer.From(user).UserId : null, within), ct)))
            .RequireAuthorization(work, nameof(Permission.WorkAssignedAppeals)).WithName("ListDeadlines");

        var appeal = endpoints.MapGroup("/api/v1/appeals/{id:guid}").WithTags("Case work");
        Act<DocketRequest>(appeal, "/docket", "DocketAppeal", nameof(Permission.WorkIntakeQueue), (by, id, r) => new DocketAppeal(by, id, r.Version, r.GoodCause));
        Act<DismissRequest>(appeal, "/dismiss", "DismissAppeal", nameof(Permission.WorkIntakeQueue), (by, id, r) => new DismissAppeal(by, id, r.Version, r.Reason, r.Explanation));
        Act<AssignRequest>(appeal, "/assign", "AssignCase", nameof(Permission.WorkIntakeQueue), (by, id, r) => new AssignCase(by, id, r.Version, r.Role, r.AssigneeId, r.Reason));
        Act<ScheduleRequest>(appeal, "/hearing", "ScheduleHearing", nameof(Permission.ScheduleHearings), (by, id, r) => new ScheduleHearing(by, id, r.Version, r.Form()));
        Act<RescheduleRequest>(appeal, "/hearing/reschedule", "RescheduleHearing", nameof(Permission.ScheduleHearings),
            (by, id, r) => new RescheduleHearing(by, id, r.Version, r.Form(), r.Reason, r.AppellantRequested, r.CompellingReason));
        Act<NoShowRequest>(appeal, "/no-show", "RecordNoShow", nameof(Permission.ScheduleHearings), (by, id, r) => new RecordNoShow(by, id, r.Version));
        Act<GoodCauseRequest>(appeal, "/good-cause", "AcceptGoodCause", nameof(Permission.ScheduleHearings), (by, id, r) => new AcceptGoodCause(by, id, r.Version, r.Reason));
        Act<DecisionRequest>(appeal, "/decision", "IssueDecision", nameof(Permission.WorkAssignedAppeals), (by, id, r) => new IssueDecision(by, id, r.Version, r.Form()));

        appeal.MapPost("/requests/{requestId:guid}/answer", async (Guid id, Guid requestId, AnswerRequestBody request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new CaseActionResult(id, await mediator.SendApiAsync(
                    new AnswerDivisionRequest(Filer.From(user), id, requestId, request.Version, request.Granted, request.Reason), ct))))
            .RequireAuthorization(work, nameof(Permission.WorkAssignedAppeals)).WithName("AnswerDivisionRequest");

        var summaries = ApiScopes.Policy(ApiScope.CaseSummariesWrite);
        appeal.MapPost("/case-summary", async (Guid id, CaseSummaryRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new CaseActionResult(id, await mediator.SendApiAsync(new FileCaseSummary(Filer.From(user), id, request.Version, request.Form()), ct))))
            .RequireAuthorization(summaries).WithName("FileCaseSummary");
        appeal.MapPut("/attendees", async (Guid id, AttendeesRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new CaseActionResult(id, await mediator.SendApiAsync(new ChangeAttendees(Filer.From(user), id, request.Version, request.Rows()), ct))))
            .RequireAuthorization(summaries).WithName("ChangeAttendees");
    }

    private static void Act<TRequest>(RouteGroupBuilder group, string path, string name, string permission, Func<Filer, Guid, TRequest, IRequest<string>> command) =>
        group.MapPost(path, async (Guid id, TRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new CaseActionResult(id, await mediator.SendApiAsync(command(Filer.From(user), id, request), ct))))
            .RequireAuthorization(ApiScopes.Policy(ApiScope.CasesWork), permission).WithName(name);
}

/// <summary>What an action did, in the words the page shows; read the appeal again for its new state and version.</summary>
internal sealed record CaseActionResult(Guid AppealId, string Message);

internal sealed record NoShowRequest(long? Version);

internal sealed record DocketRequest(long? Version, string? GoodCause);

internal sealed record DismissRequest(long? Version, DismissalReason? Reason, string? Explanation);

internal sealed record AssignRequest(long? Version, CaseRole? Role, Guid? AssigneeId, string? Reason);

internal sealed record GoodCauseRequest(long? Version, string? Reason);

internal sealed record AnswerRequestBody(long? Version, bool? Granted, string? Reason);

/// <summary>When and how, as scheduling and rescheduling both take it.</summary>
internal abstract record HearingFields(long? Version, string? Date, string? Time, HearingChannel? Channel, string? Details, string? SummaryDue)
{
    public HearingForm Form() => new() { Date = Date, Time = Time, Channel = Channel, Details = Details, SummaryDue = SummaryDue };
}

internal sealed record ScheduleRequest(long? Version, string? Date, string? Time, HearingChannel? Channel, string? Details, string? SummaryDue)
    : HearingFields(Version, Date, Time, Channel, Details, SummaryDue);

internal sealed record RescheduleRequest(
    long? Version, string? Date, string? Time, HearingChannel? Channel, string? Details, string? SummaryDue, string? Reason, bool? AppellantRequested, string? CompellingReason)
    : HearingFields(Version, Date, Time, Channel, Details, SummaryDue);

internal sealed record DecisionRequest(
    long? Version, string? Outcome, string? Text, string? ProceduralHistory, string? FindingsOfFact, string? ConclusionsOfLaw, string? Reasoning,
    string? RequiredAction, string? ActionDeadline)
{
    public DecisionForm Form() => new()
    {
        Outcome = Outcome, Text = Text, ProceduralHistory = ProceduralHistory, FindingsOfFact = FindingsOfFact, ConclusionsOfLaw = ConclusionsOfLaw,
        Reasoning = Reasoning, RequiredAction = RequiredAction, ActionDeadline = ActionDeadline,
    };
}

internal sealed record CaseSummaryRequest(
    long? Version, string? Identifiers, string? ResponsibleAgency, string? Facts, string? PolicyCitations, string? Notice, IReadOnlyList<Guid>? DocumentIds)
   
{
    public CaseSummaryForm Form() => new()
    {
        Identifiers = Identifiers, ResponsibleAgency = ResponsibleAgency, Facts = Facts, PolicyCitations = PolicyCitations, Notice = Notice,
        DocumentIds = [.. DocumentIds ?? []],
    };
}

internal sealed record AttendeesRequest(long? Version, IReadOnlyList<AttendeeItem>? Attendees)
{
    public IReadOnlyList<AttendeeRow> Rows() => (Attendees ?? []).Select(a => new AttendeeRow { Name = a.Name, Email = a.Email }).ToList();
}

internal sealed record AttendeeItem(string? Name, string? Email);

/// <summary>The search as query parameters.</summary>
internal sealed record AppealSearchQuery(
    string? Text, string? Npi, string? MedicaidId, Model.AppealStatus? Status, Contracts.AppealKind? Kind, Guid? AgencyId, Guid? AssigneeId,
    string? FiledFrom, string? FiledTo, SearchSort? Sort, int? Page)
{
    public AppealSearch ToSearch() => new()
    {
        Text = Text, Npi = Npi, MedicaidId = MedicaidId, Status = Status, Kind = Kind, AgencyId = AgencyId, AssigneeId = AssigneeId,
        FiledFrom = FiledFrom, FiledTo = FiledTo, Sort = Sort ?? SearchSort.Newest, Page = Page ?? 1,
    };
}
