using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Messaging;

namespace Aims.Registration.Contracts;

/// <summary>An agency or contractor asked for access; it waits for the appeals team's review.</summary>
[PublishedForOutsideConsumers("registration reporting; no module acts on it")]
public sealed record AccessRequestSubmitted(Guid RequestId, AgencyType AgencyType, string AgencyName, string Email, DateTimeOffset SubmittedAt) : IIntegrationEvent;

/// <summary>
/// Approved: Identity creates the coordinator's account in <paramref name="AgencyId"/> and sends the activation link;
/// the mobile is for codes only; <paramref name="Language"/> ("es" or null) is the request's, kept by the account.
/// </summary>
public sealed record AccessRequestApproved(
    Guid RequestId, Guid AgencyId, string AgencyName, string RequesterName, string Email, string? Mobile, Guid DecidedBy, string? Language = null)
    : IIntegrationEvent;

/// <summary>The appeals team denied a request, with the reason the requester is told.</summary>
[PublishedForOutsideConsumers("registration reporting; no module acts on it")]
public sealed record AccessRequestDenied(Guid RequestId, string Email, string Reason, Guid DecidedBy) : IIntegrationEvent;

/// <summary>An approval created a new agency record.</summary>
[PublishedForOutsideConsumers("registration reporting; no module acts on it")]
public sealed record AgencyCreated(Guid AgencyId, string Name, AgencyType Type) : IIntegrationEvent;

/// <summary>An administrator deactivated a coordinator: Identity disables the account and ends its sessions.</summary>
public sealed record CoordinatorDeactivated(Guid UserId, Guid AgencyId, Guid DecidedBy) : IIntegrationEvent;

/// <summary>A request is still pending <paramref name="BusinessDays"/> business days after the day it came in (the promise is 2).</summary>
public sealed record AccessRequestAwaitingReview(Guid RequestId, string AgencyName, string RequesterName, DateTimeOffset SubmittedAt, int BusinessDays)
    : IIntegrationEvent;
