using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Passwords;
using Aims.Notifications.Contracts;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.StaffAccounts;

/// <summary>
/// An administrator resets a staff password: sessions end, a 24-hour temporary password goes to the agency address;
/// the next sign-in still needs the second factor.
/// </summary>
internal sealed record ResetStaffPassword(Guid StaffId, Guid AdministratorId) : ICommand<string>;

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
