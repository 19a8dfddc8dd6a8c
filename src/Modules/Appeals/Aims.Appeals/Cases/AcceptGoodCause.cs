using Aims.Appeals.Model;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using FluentValidation;
using MediatR;

namespace Aims.Appeals.Cases;

/// <summary>The appellant showed good cause for missing the hearing: the window's check is cancelled and the hearing is to be set again.</summary>
internal sealed record AcceptGoodCause(Filer By, Guid AppealId, long? SeenVersion, string? Reason) : ICommand<string>;

internal sealed class AcceptGoodCauseValidator : AbstractValidator<AcceptGoodCause>
{
    public AcceptGoodCauseValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say what the good cause is.").MaximumLength(2000).WithMessage("Enter at most 2,000 characters.");
}

internal sealed class AcceptGoodCauseHandler(CaseWork work, IOutbox bus) : IRequestHandler<AcceptGoodCause, string>
{
    public async Task<string> Handle(AcceptGoodCause command, CancellationToken cancellationToken)
    {
        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        await work.AppendAsync(appeal, appeal.AcceptGoodCause(command.By.Person, work.Today, command.Reason), cancellationToken);
        await bus.CancelAsync(CaseClocks.NoShowKey(appeal.Id), cancellationToken);
        return $"Good cause is accepted on {appeal.CaseNumber}. Schedule the {Viewing.AppealLabels.Hearing(appeal.Kind)} again.";
    }
}
