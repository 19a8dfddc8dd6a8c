using Aims.Appeals.Model;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Validation;
using Aims.Registration.Contracts;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace Aims.Appeals.Parties;

/// <summary>
/// Checks every filing makes against other modules (the provider is one the filer acts for; the agency is a
/// registered one of the right type), answered as field messages like any other bad input.
/// </summary>
internal static class FilingParties
{
    public static async Task<ProviderRef> ProviderAsync(IMediator mediator, Filer filer, string providerId, string field, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(providerId);
        var membership = (await mediator.Send(new GetProviderMemberships(filer.UserId), cancellationToken)).SingleOrDefault(m => m.ProviderId == id);
        return membership is null
            ? throw Invalid(field, "Choose a provider you act for. To act for another provider, ask its administrator to invite you.")
            : new ProviderRef(membership.ProviderId, membership.Name, membership.Npi);
    }

    public static async Task<AgencyRef?> AgencyAsync(IMediator mediator, string? agencyId, AgencyType type, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(agencyId))
        {
            return null;
        }

        var agency = await mediator.Send(new GetAgency(Guid.Parse(agencyId)), cancellationToken);
        return agency is null || agency.Type != type
            ? throw Invalid(field, "Choose the agency or contractor from the list, or \"Not listed\".")
            : new AgencyRef(agency.Id, agency.Name);
    }

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    public static IRuleBuilderOptions<T, string?> PastOrToday<T>(this IRuleBuilder<T, string?> rule, BusinessCalendar calendar, string message) =>
        rule.Must(value => AimsRules.ParseDate(value) is not { } date || date <= calendar.Today()).WithMessage(message);
}
