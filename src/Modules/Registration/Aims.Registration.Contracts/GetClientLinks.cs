using MediatR;

namespace Aims.Registration.Contracts;

/// <summary>
/// The clients whose appeals a user takes part in: their own Medicaid ID if they have a client profile, and the clients
/// who linked them as authorized representative. Asked on every request, so unlinking takes effect at once.
/// </summary>
public sealed record GetClientLinks(Guid UserId) : IRequest<IReadOnlyList<ClientLink>>;

/// <summary>One client: <paramref name="IsSelf"/> when the user is the client, otherwise their linked representative.</summary>
public sealed record ClientLink(string MedicaidId, string ClientName, bool IsSelf);
