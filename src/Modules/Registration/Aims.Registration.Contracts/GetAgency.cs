using MediatR;

namespace Aims.Registration.Contracts;

/// <summary>An agency's name and type, for modules that show it (the coordinator's appeals page, say).</summary>
public sealed record GetAgency(Guid AgencyId) : IRequest<AgencySummary?>;

public sealed record AgencySummary(Guid Id, string Name, AgencyType Type);
