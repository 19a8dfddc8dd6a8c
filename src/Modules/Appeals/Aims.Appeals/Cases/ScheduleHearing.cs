using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using FluentValidation;
using MediatR;

namespace Aims.Appeals.Cases;

/// <summary>
/// Sets the hearing (client and formal appeals) or informal fact-finding conference (informal appeals) of a docketed
/// appeal; every party and the agency's attendees get the notice with a calendar invitation.
/// </summary>
internal sealed record ScheduleHearing(Filer By, Guid AppealId, long? SeenVersion, HearingForm Form) : ICommand<string>;

internal sealed class ScheduleHearingValidator : AbstractValidator<ScheduleHearing>
{
    public ScheduleHearingValidator() => RuleFor(c => c.Form).SetValidator(new HearingFormValidator());
}

internal sealed class ScheduleHearingHandler(CaseWork work, AppealDeadlines deadlines, BusinessCalendar calendar, IOutbox bus) : IRequestHandler<ScheduleHearing, string>
{
    public async Task<string> Handle(ScheduleHearing command, CancellationToken cancellationToken)
    {
        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        var scheduled = appeal.Schedule(command.Form.ToHearing(appeal, deadlines, calendar), command.By.Person, work.Now);
        await work.AppendAsync(appeal, scheduled, cancellationToken);
        await bus.PublishAsync(CaseAnnouncements.Hearing(appeal, scheduled.Hearing, appeal.Version + 1, null, null, deadlines.Rules), cancellationToken);
        return $"The {AppealLabels.Hearing(appeal.Kind)} on {appeal.CaseNumber} is scheduled for {PortalDates.Eastern(scheduled.Hearing.StartsAt)}. Every party is sent the notice.";
    }
}
