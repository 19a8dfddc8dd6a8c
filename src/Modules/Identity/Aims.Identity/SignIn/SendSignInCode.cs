using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Codes;
using Aims.Notifications.Contracts;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.SignIn;

/// <summary>
/// Sends a sign-in code for the pending attempt by email (always possible) or text message (only to a verified
/// mobile number); a new code replaces the attempt's earlier one.
/// </summary>
internal sealed record SendSignInCode(Guid UserId, Guid AttemptId, CodeChannel Channel) : ICommand<string>;

internal sealed class SendSignInCodeHandler(
    UserManager<AimsUser> users,
    OneTimeCodes codes,
    IOutgoingMail mail,
    IOutgoingTextMessages texts,
    AccountEmails emails,
    SecurityAudit audit) : IRequestHandler<SendSignInCode, string>
{
    /// <returns>Where the code went, masked for the page.</returns>
    public async Task<string> Handle(SendSignInCode command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("The account no longer exists.");
        if (command.Channel == CodeChannel.TextMessage && !(user.PhoneNumberConfirmed && user.PhoneNumber is not null))
        {
            throw new RuleViolationException("This account has no verified mobile number.");
        }

        var code = await codes.IssueAsync(user.Id, command.AttemptId, CodePurpose.SignIn, command.Channel, cancellationToken);
        string destination;
        if (command.Channel == CodeChannel.TextMessage)
        {
            await texts.QueueAsync(user.PhoneNumber!, emails.SignInCodeText(code), cancellationToken);
            destination = Masking.Phone(user.PhoneNumber!);
        }
        else
        {
            await mail.QueueAsync(emails.SignInCode(user.Email!, code), cancellationToken);
            destination = Masking.Email(user.Email!);
        }

        await audit.RecordAsync(SecurityEventKind.CodeSent, user.Id, user.Email, command.Channel.ToString(), cancellationToken);
        return destination;
    }
}
