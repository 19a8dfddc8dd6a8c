using Aims.Appeals.Cases;
using Aims.Appeals.Filing;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Staff;

/// <summary>
/// The appellant did not appear: the 10-day good-cause window opens and a check is set for its end, when the case
/// closes (client) or the provider is defaulted, unless good cause was accepted first.
/// </summary>
internal sealed record RecordNoShow(Filer By, Guid AppealId, long? SeenVersion) : ICommand<string>;

internal sealed class RecordNoShowHandler(CaseWork work, AppealDeadlines deadlines, BusinessCalendar calendar, IMessageBus bus) : IRequestHandler<RecordNoShow, string>
{
    public async Task<string> Handle(RecordNoShow command, CancellationToken cancellationToken)
    {
        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        var goodCauseBy = appeal.Hearing is { } hearing ? deadlines.GoodCauseBy(calendar.ToLocalDate(hearing.StartsAt)) : work.Today;
        var noShow = appeal.RecordNoShow(command.By.Person, work.Now, goodCauseBy);
        await work.AppendAsync(appeal, noShow, cancellationToken);
        await CaseClocks.ScheduleNoShowAsync(bus, calendar, appeal.Id, noShow.GoodCauseBy, cancellationToken);
        return $"The no-show is recorded on {appeal.CaseNumber}. Good cause may be shown until {noShow.GoodCauseBy:MM/dd/yyyy}; then the case closes.";
    }
}

[Authorize(Policy = nameof(Permission.ScheduleHearings))]
internal sealed class NoShowModel(IMediator mediator) : CaseActionPage(mediator)
{
    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new RecordNoShow(Actor, id, SeenVersion), cancellationToken);
}
