using Aims.BuildingBlocks.Messaging;

namespace Aims.Identity.Contracts;

/// <summary>A coordinator set a password through the activation link and can sign in; Registration records it on the agency.</summary>
public sealed record CoordinatorActivated(Guid UserId, Guid AgencyId, string Name, string Email) : IIntegrationEvent;
