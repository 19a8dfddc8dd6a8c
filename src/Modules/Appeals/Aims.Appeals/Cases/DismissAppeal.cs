using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using FluentValidation;
using MediatR;

namespace Aims.Appeals.Cases;

/// <summary>
/// Intake (or the case worker later) dismisses an open appeal for one of the fixed reasons; the parties are told. A
/// provider dismissed for not appearing is in default and may petition to vacate within 15 days.
/// </summary>
internal sealed record DismissAppeal(Filer By, Guid AppealId, long? SeenVersion, DismissalReason? Reason, string? Explanation) : ICommand<string>;

internal sealed class DismissAppealValidator : AbstractValidator<DismissAppeal>
{
    public DismissAppealValidator()
    {
        RuleFor(c => c.Reason).NotNull().WithMessage("Choose the reason for dismissing.").IsInEnum().WithMessage("Choose one of the listed reasons.");
        RuleFor(c => c.Explanation).MaximumLength(4000).WithMessage("Enter at most 4,000 characters.");
    }
}

internal sealed class DismissAppealHandler(CaseWork work, AppealDeadlines deadlines, IOutbox bus) : IRequestHandler<DismissAppeal, string>
{
    public async Task<string> Handle(DismissAppeal command, CancellationToken cancellationToken)
    {
        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        var today = work.Today;
        var dismissed = appeal.Dismiss(command.By.Person, today, command.Reason!.Value, command.Explanation, deadlines.PetitionToVacateBy(today));
        await work.AppendAsync(appeal, dismissed, cancellationToken);
        await bus.PublishAsync(CaseAnnouncements.Dismissed(appeal, dismissed), cancellationToken);
        return $"{appeal.CaseNumber} is dismissed. The appellant and the agency are told.";
    }
}
