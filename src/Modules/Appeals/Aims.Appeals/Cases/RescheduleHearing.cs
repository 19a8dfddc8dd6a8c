using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using FluentValidation;
using MediatR;

namespace Aims.Appeals.Cases;

/// <summary>
/// Moves a scheduled hearing or conference, with the reason. A move the appellant asked for is counted: on a client
/// appeal it extends the 90-day clock by the days between the two dates, and a third needs a compelling reason.
/// </summary>
internal sealed record RescheduleHearing(Filer By, Guid AppealId, long? SeenVersion, HearingForm Form, string? Reason, bool? AppellantRequested, string? CompellingReason)
    : ICommand<string>;

internal sealed class RescheduleHearingValidator : AbstractValidator<RescheduleHearing>
{
    public RescheduleHearingValidator()
    {
        RuleFor(c => c.Form).SetValidator(new HearingFormValidator());
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the hearing is moved.").MaximumLength(2000).WithMessage("Enter at most 2,000 characters.");
        RuleFor(c => c.AppellantRequested).NotNull().WithMessage("Say whether the appellant asked for the change.");
        RuleFor(c => c.CompellingReason).MaximumLength(2000).WithMessage("Enter at most 2,000 characters.");
    }
}

internal sealed class RescheduleHearingHandler(CaseWork work, AppealDeadlines deadlines, BusinessCalendar calendar, IOutbox bus) : IRequestHandler<RescheduleHearing, string>
{
    public async Task<string> Handle(RescheduleHearing command, CancellationToken cancellationToken)
    {
        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        var moved = appeal.Reschedule(
            command.Form.ToHearing(appeal, deadlines, calendar), command.Reason, command.AppellantRequested!.Value, command.CompellingReason, command.By.Person, work.Now);
        await work.AppendAsync(appeal, moved, cancellationToken);
        await bus.PublishAsync(CaseAnnouncements.Hearing(appeal, moved.Hearing, appeal.Version + 1, moved.PreviousStart, moved.Reason, deadlines.Rules), cancellationToken);
        var waiver = moved.WaivedDays > 0 ? $" The decision is now due {appeal.RunningClock!.Due:MM/dd/yyyy} ({moved.WaivedDays} days added at the appellant's request)." : "";
        return $"The {Viewing.AppealLabels.Hearing(appeal.Kind)} on {appeal.CaseNumber} moved from {PortalDates.Eastern(moved.PreviousStart)} to {PortalDates.Eastern(moved.Hearing.StartsAt)}.{waiver}";
    }
}
