using MediatR;

namespace Aims.Identity.Contracts;

/// <summary>
/// The roles of an active account (none for an unknown or deactivated one), for modules whose rules depend on who
/// someone is at the division — Appeals lets the division's staff read every appeal.
/// </summary>
public sealed record GetUserRoles(Guid UserId) : IRequest<IReadOnlyList<Role>>;

/// <summary>The active accounts whose role grants <paramref name="Permission"/>, for notices to a team (the reviewers).</summary>
public sealed record GetPeopleWith(Permission Permission) : IRequest<IReadOnlyList<PersonContact>>;

/// <summary>The names and email addresses of active accounts, for notices to people a module knows by id.</summary>
public sealed record GetPersonContacts(IReadOnlyList<Guid> UserIds) : IRequest<IReadOnlyList<PersonContact>>;

/// <summary>An account holder to write to; <paramref name="Language"/> is the one they read the portal in ("es"), null for English.</summary>
public sealed record PersonContact(Guid UserId, string Name, string Email, string? Language = null);
