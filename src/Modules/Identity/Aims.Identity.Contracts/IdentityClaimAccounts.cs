using Aims.BuildingBlocks.Mediation;
using MediatR;

namespace Aims.Identity.Contracts;

/// <summary>
/// Records a step of an identity claim (a Medicaid ID or NPI claimed, verified, denied, revoked, a provider's
/// administration transferred) in the account's security events, with the current request's address (ADR 0029).
/// </summary>
public sealed record RecordIdentityClaimEvent(Guid UserId, string Detail) : ICommand<bool>;

/// <summary>The active account with this email address, for staff who transfer a provider's administration; null when none.</summary>
public sealed record FindAccountByEmail(string Email) : IRequest<PersonContact?>;
