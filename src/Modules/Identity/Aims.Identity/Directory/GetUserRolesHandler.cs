using Aims.Identity.Accounts;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Identity;

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
