using System.Security.Claims;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Validation;
using Aims.Registration.Claims;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Providers;

/// <summary>
/// An administrator of a provider whose NPI is on the imported provider roster asks for a one-time code at the contact
/// email the roster gives; entering it verifies the NPI claim (ADR 0029). Anyone else gets a 404.
/// </summary>
internal sealed record SendProviderCode(Guid ProviderId, Guid UserId) : ICommand<bool>;

internal sealed record ConfirmProviderCode(Guid ProviderId, Guid UserId, string? Code) : ICommand<bool>;

internal sealed class ConfirmProviderCodeValidator : AbstractValidator<ConfirmProviderCode>
{
    public ConfirmProviderCodeValidator() =>
        RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the 6-digit code from the email.")
            .Matches("^\\s*[0-9]{6}\\s*$").WithMessage("Enter the 6 digits of the code, for example 042917.");
}

internal sealed class ProviderCodeHandlers(RegistrationDbContext db, IdentityClaims claims)
    : IRequestHandler<SendProviderCode, bool>, IRequestHandler<ConfirmProviderCode, bool>
{
    public async Task<bool> Handle(SendProviderCode command, CancellationToken cancellationToken)
    {
        var (provider, claim, roster) = await PendingAsync(command.ProviderId, command.UserId, cancellationToken);
        await claims.SendCodeAsync(claim, provider, roster, cancellationToken);
        return true;
    }

    public async Task<bool> Handle(ConfirmProviderCode command, CancellationToken cancellationToken)
    {
        // False (not an exception) for a wrong code, so the attempt counted and audited is committed, not rolled back.
        var (_, claim, _) = await PendingAsync(command.ProviderId, command.UserId, cancellationToken);
        return await claims.TryCodeAsync(claim, command.Code!, cancellationToken);
    }

    private async Task<(Provider Provider, IdentityClaim Claim, ProviderRosterEntry Roster)> PendingAsync(Guid providerId, Guid userId, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, cancellationToken);
        var administers = await db.ProviderMembers.AnyAsync(m => m.ProviderId == providerId && m.UserId == userId && m.IsAdministrator, cancellationToken);
        var claim = await claims.LiveAsync(ClaimKind.Npi, providerId, cancellationToken);
        var roster = provider is null ? null : await db.ProviderRoster.AsNoTracking().SingleOrDefaultAsync(r => r.Npi == provider.Npi, cancellationToken);
        return provider is not null && administers && claim is { Status: ClaimStatus.Pending } && roster is not null
            ? (provider, claim, roster)
            : throw new NotFoundException("There is no such provider waiting for a code among those you administer.");
    }
}
