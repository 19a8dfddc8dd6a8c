using Aims.BuildingBlocks.Validation;
using System.Security.Claims;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Contracts;
using Aims.Identity.Passwords;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Pages.Admin;

/// <summary>
/// Staff accounts, managed by appeals administrators: create one on the agency's domain, or reset a password (sessions
/// end, a 24-hour temporary password goes to the agency address; the next sign-in still needs the second factor).
/// </summary>
internal sealed record CreateStaffAccount(string? DisplayName, string? Email, Role? Role, Guid AdministratorId) : ICommand<bool>;

internal sealed record ResetStaffPassword(Guid StaffId, Guid AdministratorId) : ICommand<string>;

internal sealed class CreateStaffAccountValidator : AbstractValidator<CreateStaffAccount>
{
    public CreateStaffAccountValidator(IOptions<StaffOptions> staff)
    {
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the person's full name.")
            .MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter the person's agency email address.")
            .MaximumLength(256).WithMessage("Enter at most 256 characters.")
            .ValidEmail().WithMessage("Enter an email address like name@example.com.")
            .Must(staff.Value.IsAgencyEmail).WithMessage($"Staff accounts use an agency address (…@{staff.Value.EmailDomain}).");
        RuleFor(c => c.Role).NotNull().WithMessage("Choose the person's role.")
            .Must(role => role is null || AccessTable.IsStaff(role.Value)).WithMessage("Choose one of the staff roles.");
    }
}

internal sealed class CreateStaffAccountHandler(
    UserManager<AimsUser> users,
    TemporaryPasswords temporaryPasswords,
    SecurityAudit audit,
    IOutgoingMail mail,
    AccountEmails emails,
    TimeProvider time) : IRequestHandler<CreateStaffAccount, bool>
{
    public async Task<bool> Handle(CreateStaffAccount command, CancellationToken cancellationToken)
    {
        var email = command.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(CreateStaffAccount.Email), "An account with this email address already exists.")]);
        }

        var user = new AimsUser
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserName = email,
            Email = email,
            // The administrator vouches for the agency address; the temporary password only arrives there.
            EmailConfirmed = true,
            DisplayName = command.DisplayName!.Trim(),
            IsStaff = true,
            CreatedAt = time.GetUtcNow(),
        };
        var password = temporaryPasswords.IssueBeside(user);
        (await users.CreateAsync(user)).Require("Staff account not created");
        (await users.AddToRoleAsync(user, command.Role!.Value.ToString())).Require("Staff role not given");
        await audit.RecordAsync(SecurityEventKind.AccountCreated, user.Id, user.Email, $"staff account created by administrator {command.AdministratorId}", cancellationToken);
        await mail.QueueAsync(emails.StaffAccountCreated(email, password, user.TemporaryPasswordExpiresAt!.Value), cancellationToken);
        return true;
    }
}

internal sealed class ResetStaffPasswordHandler(
    UserManager<AimsUser> users,
    TemporaryPasswords temporaryPasswords,
    SecurityAudit audit,
    IOutgoingMail mail,
    AccountEmails emails) : IRequestHandler<ResetStaffPassword, string>
{
    /// <returns>The staff member's email address, for the confirmation on the page.</returns>
    public async Task<string> Handle(ResetStaffPassword command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.StaffId.ToString());
        if (user is null || !user.IsStaff)
        {
            throw new NotFoundException("There is no such staff account.");
        }

        if (user.Id == command.AdministratorId)
        {
            throw new RuleViolationException("Another appeals administrator must reset your own password.");
        }

        if (await users.HasPasswordAsync(user))
        {
            (await users.RemovePasswordAsync(user)).Require("Old password not removed");
        }

        var password = temporaryPasswords.IssueBeside(user);
        (await users.UpdateAsync(user)).Require("Temporary password not stored");
        (await users.UpdateSecurityStampAsync(user)).Require("Sessions not ended");
        await audit.RecordAsync(SecurityEventKind.PasswordReset, user.Id, user.Email, $"reset by administrator {command.AdministratorId}", cancellationToken);
        await mail.QueueAsync(emails.StaffPasswordReset(user.Email!, password, user.TemporaryPasswordExpiresAt!.Value), cancellationToken);
        return user.Email!;
    }
}

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
