using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using FluentValidation;
using MediatR;

namespace Aims.Appeals.Cases;

/// <summary>Intake accepts a filed appeal for a hearing or conference; a late one only on good cause, whose reason is kept.</summary>
internal sealed record DocketAppeal(Filer By, Guid AppealId, long? SeenVersion, string? GoodCause) : ICommand<string>;

internal sealed class DocketAppealValidator : AbstractValidator<DocketAppeal>
{
    public DocketAppealValidator() => RuleFor(c => c.GoodCause).MaximumLength(2000).WithMessage("Enter at most 2,000 characters.");
}

internal sealed class DocketAppealHandler(CaseWork work, IOutbox bus) : IRequestHandler<DocketAppeal, string>
{
    public async Task<string> Handle(DocketAppeal command, CancellationToken cancellationToken)
    {
        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        var docketed = appeal.Docket(command.By.Person, work.Today, command.GoodCause);
        await work.AppendAsync(appeal, docketed, cancellationToken);
        await bus.PublishAsync(new CaseDocketed(appeal.Id, appeal.CaseNumber, appeal.Kind, appeal.Agency?.Id, docketed.DocketedOn), cancellationToken);
        return $"{appeal.CaseNumber} is docketed. The appellant and the agency are told.";
    }
}

