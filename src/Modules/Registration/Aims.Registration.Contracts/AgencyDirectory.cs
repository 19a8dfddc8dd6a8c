using MediatR;

namespace Aims.Registration.Contracts;

/// <summary>The registered agencies of one type, by name — the choices an appellant has for "who took the action".</summary>
public sealed record ListAgencies(AgencyType Type) : IRequest<IReadOnlyList<AgencySummary>>;

/// <summary>The agency an active coordinator acts for, or null (not a coordinator, or deactivated).</summary>
public sealed record GetCoordinatorAgency(Guid UserId) : IRequest<Guid?>;

/// <summary>An agency's active coordinators, the people told when an appeal names their agency.</summary>
public sealed record GetAgencyCoordinators(Guid AgencyId) : IRequest<IReadOnlyList<CoordinatorContact>>;

public sealed record CoordinatorContact(Guid UserId, string Name, string Email);
