using System.Security.Claims;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Contracts;
using Aims.Identity.Passwords;
using Aims.Identity.StaffAccounts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Identity.Pages.Admin;

[Authorize(Policy = nameof(Permission.ManageStaffAccounts))]
internal sealed class StaffModel(IMediator mediator, UserManager<AimsUser> users) : PageModel
{
    public static readonly Role[] StaffRoles = [.. Enum.GetValues<Role>().Where(AccessTable.IsStaff)];

    [BindProperty]
    public StaffForm Form { get; set; } = new();

    public IReadOnlyList<(AimsUser Account, IList<string> Roles)> Accounts { get; private set; } = [];

    public Guid AdministratorId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await mediator.SendFormAsync(new CreateStaffAccount(Form.DisplayName, Form.Email, Form.Role, AdministratorId), ModelState, nameof(Form), cancellationToken))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Notice"] = $"Staff account created. A temporary password was emailed to {Form.Email!.Trim()}; it works for {TemporaryPasswords.Lifetime.TotalHours:0} hours.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(Guid id, CancellationToken cancellationToken)
    {
        var email = await mediator.Send(new ResetStaffPassword(id, AdministratorId), cancellationToken);
        TempData["Notice"] = $"Password reset. A temporary password was emailed to {email}; every session of that account was signed out.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var staff = await users.Users.Where(u => u.IsStaff).OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var accounts = new List<(AimsUser, IList<string>)>();
        foreach (var account in staff)
        {
            accounts.Add((account, await users.GetRolesAsync(account)));
        }

        Accounts = accounts;
    }

    internal sealed class StaffForm
    {
        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        public Role? Role { get; set; }
    }
}
