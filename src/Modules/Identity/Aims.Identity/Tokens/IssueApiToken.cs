using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Contracts;
using Aims.Notifications.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Aims.Identity.Tokens;

/// <summary>
/// Personal access tokens for integrations (MCOs, trading partners, agencies): issued with a name, an expiry of at
/// most a year and the scopes the owner's roles allow; the secret is shown once; revoking ends it at once.
/// </summary>
internal sealed record IssueApiToken(Guid UserId, string? Name, int? Days, IReadOnlyList<ApiScope> Scopes) : ICommand<string>;

internal sealed class IssueApiTokenValidator : AbstractValidator<IssueApiToken>
{
    public IssueApiTokenValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the token after the system that will use it.")
            .MaximumLength(60).WithMessage("Use at most 60 characters.");
        RuleFor(c => c.Days).NotNull().WithMessage("Choose when the token expires.")
            .InclusiveBetween(1, ApiTokens.MaximumLifetimeDays).WithMessage($"A token can last at most {ApiTokens.MaximumLifetimeDays} days.");
        RuleFor(c => c.Scopes).NotEmpty().WithMessage("Choose at least one thing the token may do.");
    }
}

internal sealed class IssueApiTokenHandler(
    UserManager<AimsUser> users, ApiTokens tokens, SecurityAudit audit, IOutgoingMail mail, AccountEmails emails, IStringLocalizer<IdentityText> t)
    : IRequestHandler<IssueApiToken, string>
{
    public async Task<string> Handle(IssueApiToken command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("The account no longer exists.");
        var roles = (await users.GetRolesAsync(user)).Select(Enum.Parse<Role>).ToList();
        var refused = command.Scopes.Where(scope => !ApiScopes.Of(scope).AnyOf.Any(p => AccessTable.RolesWith[p].Intersect(roles).Any())).ToList();
        if (refused.Count > 0)
        {
            throw Invalid(nameof(IssueApiToken.Scopes), t["Your account cannot grant {0}.", string.Join(", ", refused.Select(s => ApiScopes.Of(s).Name))]);
        }

        if (await tokens.ActiveCountAsync(user.Id, cancellationToken) >= ApiTokens.MaximumActivePerAccount)
        {
            throw Invalid(nameof(IssueApiToken.Name), t["An account can have at most {0} active tokens: revoke one first.", ApiTokens.MaximumActivePerAccount]);
        }

        var (token, secret) = await tokens.IssueAsync(user.Id, command.Name!.Trim(), command.Scopes, command.Days!.Value, cancellationToken);
        await audit.RecordAsync(SecurityEventKind.ApiTokenIssued, user.Id, user.Email, $"{token.Name} ({string.Join(" ", token.Scopes)})", cancellationToken);
        await mail.QueueAsync(emails.ApiTokenIssued(user, token.Name, token.ExpiresAt), cancellationToken);
        return secret;
    }

    private static ValidationException Invalid(string field, string message) => new([new FluentValidation.Results.ValidationFailure(field, message)]);
}
