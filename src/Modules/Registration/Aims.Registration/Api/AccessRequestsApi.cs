using Aims.BuildingBlocks.Web;
using Aims.Registration.Contracts;
using Aims.Registration.Requests;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Aims.Registration.Api;

/// <summary>
/// An access request as JSON, for agencies that onboard by script: the form's command, rules, bot check and rate limit;
/// a bad field is a 400 naming it. The status link goes to the requester's email only.
/// </summary>
internal static class AccessRequestsApi
{
    public static void MapAccessRequestsApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/access-requests", SubmitAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RegistrationRateLimits.Requests)
            .WithTags("Registration")
            .WithName("SubmitAccessRequest")
            .ProducesValidationProblem();

    private static async Task<Accepted<AccessRequestAccepted>> SubmitAsync(AccessRequestBody body, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.SendApiAsync(
            new SubmitAccessRequest(body.AgencyType, body.AgencyName, body.Street, body.City, body.State, body.Zip, body.RequesterName, body.Email,
                body.Phone, body.SupervisorName, body.SupervisorPhone, body.Mobile, body.MayActForAgency, body.BotCheck),
            cancellationToken);
        return TypedResults.Accepted((string?)null, new AccessRequestAccepted(
            "pending",
            $"Your request is waiting for review. We reply to {body.Email!.Trim()} by email, with a link to follow it; without a reply within "
            + $"{SubmitAccessRequestHandler.ReplyWithinBusinessDays} business days, call the appeals team."));
    }
}

/// <param name="BotCheck">The solved challenge, as the form's widget sends it (from GET /bot-check/challenge).</param>
internal sealed record AccessRequestBody(
    AgencyType? AgencyType, string? AgencyName, string? Street, string? City, string? State, string? Zip, string? RequesterName, string? Email,
    string? Phone, string? SupervisorName, string? SupervisorPhone, string? Mobile, bool MayActForAgency, string? BotCheck);

internal sealed record AccessRequestAccepted(string Status, string Message);
