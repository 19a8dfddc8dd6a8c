using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Contracts;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Claims;

/// <summary>
/// One identity claim under review (ADR 0029): approve or deny it, revoke a verified one (with the reason the claimant
/// reads), or give a provider's administration to another account.
/// </summary>
internal sealed record ApproveClaim(Guid ClaimId, Guid ReviewerId) : ICommand<bool>;

internal sealed record DenyClaim(Guid ClaimId, string? Reason, Guid ReviewerId) : ICommand<bool>;

internal sealed record RevokeClaim(Guid ClaimId, string? Reason, Guid ReviewerId) : ICommand<bool>;

internal sealed record TransferAdministration(Guid ClaimId, string? Email, Guid ReviewerId) : ICommand<bool>;

internal sealed class DenyClaimValidator : AbstractValidator<DenyClaim>
{
    public DenyClaimValidator() => RuleFor(c => c.Reason).ClaimReason();
}

internal sealed class RevokeClaimValidator : AbstractValidator<RevokeClaim>
{
    public RevokeClaimValidator() => RuleFor(c => c.Reason).ClaimReason();
}

internal sealed class TransferAdministrationValidator : AbstractValidator<TransferAdministration>
{
    public TransferAdministrationValidator() =>
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter the email address of the account that becomes the administrator.")
            .MaximumLength(256).WithMessage("Enter at most 256 characters.")
            .EmailAddress().WithMessage("Enter an email address like name@example.com.");
}

internal static class ClaimRules
{
    public static IRuleBuilderOptions<T, string?> ClaimReason<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Give the reason; the claimant reads it in the email.")
            .MaximumLength(1000).WithMessage("Use at most 1,000 characters.");
}

internal sealed class ClaimDecisionHandlers(RegistrationDbContext db, IdentityClaims claims, IMediator mediator)
    : IRequestHandler<ApproveClaim, bool>, IRequestHandler<DenyClaim, bool>, IRequestHandler<RevokeClaim, bool>, IRequestHandler<TransferAdministration, bool>
{
    public async Task<bool> Handle(ApproveClaim command, CancellationToken cancellationToken)
    {
        await claims.VerifyAsync(await FindAsync(command.ClaimId, cancellationToken), ClaimMethod.Review, command.ReviewerId, cancellationToken);
        return true;
    }

    public async Task<bool> Handle(DenyClaim command, CancellationToken cancellationToken)
    {
        await claims.DenyAsync(await FindAsync(command.ClaimId, cancellationToken), command.Reason!.Trim(), command.ReviewerId, cancellationToken);
        return true;
    }

    public async Task<bool> Handle(RevokeClaim command, CancellationToken cancellationToken)
    {
        await claims.RevokeAsync(await FindAsync(command.ClaimId, cancellationToken), command.Reason!.Trim(), command.ReviewerId, cancellationToken);
        return true;
    }

    public async Task<bool> Handle(TransferAdministration command, CancellationToken cancellationToken)
    {
        var claim = await FindAsync(command.ClaimId, cancellationToken);
        var provider = claim is { Kind: ClaimKind.Npi, IsLive: true }
            ? await db.Providers.AsNoTracking().SingleAsync(p => p.Id == claim.SubjectId, cancellationToken)
            : throw new ConcurrencyException("Only a provider whose NPI claim is pending or verified has an administration to transfer.");
        var person = await mediator.Send(new FindAccountByEmail(command.Email!), cancellationToken);
        if (person is null || !(await mediator.Send(new GetUserRoles(person.UserId), cancellationToken)).Any(AccessTable.RolesWith[Permission.FileProviderAppeals].Contains))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(TransferAdministration.Email),
                "No active provider account uses this address. The person signs up as a provider user first.")]);
        }

        await claims.TransferAsync(claim, provider, person, command.ReviewerId, cancellationToken);
        return true;
    }

    private async Task<IdentityClaim> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.IdentityClaims.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("There is no such claim.");
}
