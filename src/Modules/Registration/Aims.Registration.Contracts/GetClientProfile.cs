using MediatR;

namespace Aims.Registration.Contracts;

/// <summary>A client appellant's own details, filled in on their profile; null until they are.</summary>
public sealed record GetClientProfile(Guid UserId) : IRequest<ClientProfileSummary?>;

public sealed record ClientProfileSummary(string FullName, string MedicaidId, string Phone);
