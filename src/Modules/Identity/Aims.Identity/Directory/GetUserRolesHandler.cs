using Aims.Identity.Accounts;
using Aims.Identity.Contracts;
using Aims.Identity.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aims.Identity.Directory;

internal sealed class GetUserRolesHandler(UserManager<AimsUser> users) : IRequestHandler<GetUserRoles, IReadOnlyList<Role>>
{
    public async Task<IReadOnlyList<Role>> Handle(GetUserRoles request, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(request.UserId.ToString()) is not { DeactivatedAt: null } user)
        {
            return [];
        }

        return (await users.GetRolesAsync(user)).Select(name => Enum.TryParse<Role>(name, out var role) ? role : (Role?)null)
            .OfType<Role>().ToList();
    }
}

/// <summary>
/// Everyone active holding a role that grants the permission, in one query (ADR 0055: every reminder to staff asks this;
/// UserManager asked two queries per role).
/// </summary>
internal sealed class GetPeopleWithHandler(AccountsDbContext accounts) : IRequestHandler<GetPeopleWith, IReadOnlyList<PersonContact>>
{
    public async Task<IReadOnlyList<PersonContact>> Handle(GetPeopleWith request, CancellationToken cancellationToken)
    {
        var roles = AccessTable.RolesWith[request.Permission].Select(role => role.ToString()).ToArray();
        var people = await accounts.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null && u.Email != null
                && accounts.UserRoles.Any(ur => ur.UserId == u.Id && accounts.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => new PersonContact(u.Id, u.DisplayName, u.Email!, null))
            .ToListAsync(cancellationToken);
        return people.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}

internal sealed class GetPersonContactsHandler(AccountsDbContext accounts) : IRequestHandler<GetPersonContacts, IReadOnlyList<PersonContact>>
{
    public async Task<IReadOnlyList<PersonContact>> Handle(GetPersonContacts request, CancellationToken cancellationToken)
    {
        var ids = request.UserIds.Distinct().ToList();
        return await accounts.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DeactivatedAt == null && u.Email != null)
            .Select(u => new PersonContact(u.Id, u.DisplayName, u.Email!, u.PreferredLanguage))
            .ToListAsync(cancellationToken);
    }
}
