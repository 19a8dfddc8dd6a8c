using Aims.BuildingBlocks.Messaging;

namespace Aims.Appeals.Contracts;

/// <summary>
/// An appeal was filed. <paramref name="AgencyId"/> is the agency or contractor that took the action, when the
/// appellant could name a registered one; its coordinators are told.
/// </summary>
public sealed record AppealFiled(
    Guid AppealId, string CaseNumber, AppealKind Kind, Guid? AgencyId, string AppellantName, DateOnly FiledOn, bool Timely, bool Expedited)
    : IIntegrationEvent;

/// <summary>The appellant withdrew an open appeal before its final decision.</summary>
public sealed record AppealWithdrawn(Guid AppealId, string CaseNumber, Guid? AgencyId, string AppellantName, DateOnly WithdrawnOn, string? Reason)
    : IIntegrationEvent;
