using Aims.Identity.Accounts;
using Aims.Identity.Contracts;
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

internal sealed class GetPeopleWithHandler(UserManager<AimsUser> users) : IRequestHandler<GetPeopleWith, IReadOnlyList<PersonContact>>
{
    public async Task<IReadOnlyList<PersonContact>> Handle(GetPeopleWith request, CancellationToken cancellationToken)
    {
        var people = new Dictionary<Guid, PersonContact>();
        foreach (var role in AccessTable.RolesWith[request.Permission])
        {
            foreach (var user in await users.GetUsersInRoleAsync(role.ToString()))
            {
                if (user.DeactivatedAt is null && user.Email is { } email)
                {
                    people.TryAdd(user.Id, new PersonContact(user.Id, user.DisplayName, email));
                }
            }
        }

        return people.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}

internal sealed class GetPersonContactsHandler(UserManager<AimsUser> users) : IRequestHandler<GetPersonContacts, IReadOnlyList<PersonContact>>
{
    public async Task<IReadOnlyList<PersonContact>> Handle(GetPersonContacts request, CancellationToken cancellationToken)
    {
        var ids = request.UserIds.Distinct().ToList();
        return await users.Users.Where(u => ids.Contains(u.Id) && u.DeactivatedAt == null && u.Email != null)
            .Select(u => new PersonContact(u.Id, u.DisplayName, u.Email!, u.PreferredLanguage))
            .ToListAsync(cancellationToken);
    }
}
