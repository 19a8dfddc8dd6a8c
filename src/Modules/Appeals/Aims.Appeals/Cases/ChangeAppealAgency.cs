using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Parties;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.Registration.Contracts;
using FluentValidation;
using MediatR;

namespace Aims.Appeals.Cases;

/// <summary>
/// Intake sets or corrects the agency or contractor an appeal names (issue 22, ADR 0037): the change is an event in
/// the history, the list row moves with it so the previous agency loses sight of the case, and the new one is told.
/// </summary>
internal sealed record ChangeAppealAgency(Filer By, Guid AppealId, long? SeenVersion, string? AgencyId, string? Reason) : ICommand<string>;

internal sealed class ChangeAppealAgencyValidator : AbstractValidator<ChangeAppealAgency>
{
    public ChangeAppealAgencyValidator()
    {
        RuleFor(c => c.AgencyId).NotEmpty().WithMessage("Choose the agency or contractor.")
            .Must(id => Guid.TryParse(id, out _)).WithMessage("Choose the agency or contractor from the list.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the agency or contractor changes.")
            .MaximumLength(1000).WithMessage("Enter at most 1,000 characters.");
    }
}

internal sealed class ChangeAppealAgencyHandler(CaseWork work, IMediator mediator, IOutbox bus) : IRequestHandler<ChangeAppealAgency, string>
{
    public async Task<string> Handle(ChangeAppealAgency command, CancellationToken cancellationToken)
    {
        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        // A client appeal is against a client agency; a provider's against a provider agency (the filing forms' rule).
        var type = appeal.Kind == AppealKind.Client ? AgencyType.ClientAgency : AgencyType.ProviderAgency;
        var agency = (await FilingParties.AgencyAsync(mediator, command.AgencyId, type, nameof(command.AgencyId), cancellationToken))!;
        var changed = appeal.ChangeAgency(agency, command.By.Person, command.Reason!);
        var version = appeal.Version;
        await work.AppendAsync(appeal, changed, cancellationToken);
        await bus.PublishAsync(new AppealAgencyChanged(appeal.Id, appeal.CaseNumber, agency.Id, appeal.AppellantName, version), cancellationToken);
        return $"{appeal.CaseNumber} now names {agency.Name}. Its coordinators are told.";
    }
}
