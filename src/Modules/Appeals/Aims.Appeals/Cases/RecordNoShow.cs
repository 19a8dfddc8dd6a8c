using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using MediatR;

namespace Aims.Appeals.Cases;

/// <summary>
/// The appellant did not appear: the 10-day good-cause window opens and a check is set for its end, when the case
/// closes (client) or the provider is defaulted, unless good cause was accepted first.
/// </summary>
internal sealed record RecordNoShow(Filer By, Guid AppealId, long? SeenVersion) : ICommand<string>;

internal sealed class RecordNoShowHandler(CaseWork work, AppealDeadlines deadlines, BusinessCalendar calendar, IOutbox bus) : IRequestHandler<RecordNoShow, string>
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
