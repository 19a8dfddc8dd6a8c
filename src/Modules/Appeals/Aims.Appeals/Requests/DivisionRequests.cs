using Aims.Appeals.Access;
using Aims.Appeals.Cases;
using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Web;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Requests;

/// <summary>
/// The appellant asks the division for a new hearing date, shows good cause or files exceptions online (ADR 0038), within
/// the window <see cref="AppealDeadlines.LastDayToAsk"/> gives. The assigned staff are told at once.
/// </summary>
internal sealed record AskDivision(Filer Filer, Guid AppealId, long? SeenVersion, RequestKind? Kind, string? Reason, string? CompellingReason) : ICommand<AskedDivision>;

internal sealed record AskedDivision(Guid RequestId, string CaseNumber, RequestKind Kind, DateOnly MadeOn, DateOnly LastDay);

internal sealed class AskDivisionValidator : AbstractValidator<AskDivision>
{
    public AskDivisionValidator()
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("Choose what you are asking for.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say what you are asking for and why.").MaximumLength(8000).WithMessage("Enter at most 8,000 characters.");
        RuleFor(c => c.CompellingReason).MaximumLength(2000).WithMessage("Enter at most 2,000 characters.");
    }
}

internal sealed class AskDivisionHandler(AppealAudience audience, CaseWork work, AppealDeadlines deadlines, IOutbox bus) : IRequestHandler<AskDivision, AskedDivision>
{
    public async Task<AskedDivision> Handle(AskDivision command, CancellationToken cancellationToken)
    {
        await audience.RequireActorAsync(
            command.AppealId, command.Filer.UserId, "Only the appellant, or someone acting for them, can ask the Appeals Division for this.", cancellationToken);

        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        var kind = command.Kind!.Value;
        var made = appeal.Ask(kind, command.Filer.Person, work.Today, deadlines.LastDayToAsk(appeal, kind), command.Reason, command.CompellingReason);
        await work.AppendAsync(appeal, made, cancellationToken);
        await bus.PublishAsync(DivisionRequestNotices.ToStaff(appeal, made), cancellationToken);
        return new AskedDivision(made.RequestId, appeal.CaseNumber, kind, made.MadeOn, made.LastDay);
    }
}

/// <summary>
/// The division grants or refuses a request with a reason. Granting good cause reopens the case for a new hearing; refusing
/// it after the window closes the case, as the window's own check (which waits on unanswered requests) would have.
/// </summary>
internal sealed record AnswerDivisionRequest(Filer By, Guid AppealId, Guid RequestId, long? SeenVersion, bool? Granted, string? Reason) : ICommand<string>;

internal sealed class AnswerDivisionRequestValidator : AbstractValidator<AnswerDivisionRequest>
{
    public AnswerDivisionRequestValidator()
    {
        RuleFor(c => c.Granted).NotNull().WithMessage("Choose whether the request is granted or refused.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why, for the appellant.").MaximumLength(2000).WithMessage("Enter at most 2,000 characters.");
    }
}

internal sealed class AnswerDivisionRequestHandler(CaseWork work, AppealDeadlines deadlines, IOutbox bus, IStringLocalizer<AppealsText> t)
    : IRequestHandler<AnswerDivisionRequest, string>
{
    public async Task<string> Handle(AnswerDivisionRequest command, CancellationToken cancellationToken)
    {
        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        var granted = command.Granted!.Value;
        var answer = appeal.Answer(command.RequestId, granted, command.Reason, command.By.Person, work.Today);
        var request = appeal.Requests.Single(r => r.Id == command.RequestId);
        var changes = new List<object> { answer };
        AppealDismissed? dismissed = null;
        if (request.Kind == RequestKind.GoodCause && granted)
        {
            changes.Add(appeal.AcceptGoodCause(command.By.Person, work.Today, answer.Reason));
        }
        else if (request.Kind == RequestKind.GoodCause && appeal.NoShow is { } noShow && work.Today > noShow.GoodCauseBy)
        {
            dismissed = appeal.Dismiss(command.By.Person, work.Today, DismissalReason.NoShowWithoutGoodCause,
                $"The good cause shown for missing the {Viewing.AppealLabels.Hearing(appeal.Kind)} was refused: {answer.Reason}", deadlines.PetitionToVacateBy(work.Today));
            changes.Add(dismissed);
        }

        await work.AppendAsync(appeal, changes, cancellationToken);
        if (request.Kind == RequestKind.GoodCause && granted)
        {
            await bus.CancelAsync(CaseClocks.NoShowKey(appeal.Id), cancellationToken);
        }

        await bus.PublishAsync(DivisionRequestNotices.ToParties(appeal, request.Made, answer, t), cancellationToken);
        if (dismissed is not null)
        {
            await bus.PublishAsync(CaseAnnouncements.Dismissed(appeal, dismissed), cancellationToken);
        }

        var next = (request.Kind, granted) switch
        {
            (RequestKind.NewDate, true) => $" Reschedule the {Viewing.AppealLabels.Hearing(appeal.Kind)} now, as asked by the appellant.",
            (RequestKind.GoodCause, true) => $" Schedule the {Viewing.AppealLabels.Hearing(appeal.Kind)} again.",
            _ when dismissed is not null => " The good-cause window had ended, so the case is dismissed.",
            _ => "",
        };
        return $"The request on {appeal.CaseNumber} is {(granted ? "granted" : "refused")}; the appellant is told.{next}";
    }
}

/// <summary>The route words of the requests' pages, and what each notice says.</summary>
internal static class DivisionRequestNotices
{
    public static readonly IReadOnlyDictionary<string, RequestKind> Slugs = new Dictionary<string, RequestKind>
    {
        ["new-date"] = RequestKind.NewDate, ["good-cause"] = RequestKind.GoodCause, ["exceptions"] = RequestKind.Exceptions,
    };

    public static string Slug(RequestKind kind) => Slugs.Single(s => s.Value == kind).Key;

    /// <summary>The assigned case worker (every intake case worker while none is) and the decider are told, in English (ADR 0026).</summary>
    public static AppealReminderDue ToStaff(Appeal appeal, DivisionRequestMade made) => new(
        appeal.Id, appeal.CaseNumber, $"DivisionRequest:{made.RequestId:N}", Wording.English(new NoticeText(
            $"{RequestLabels.Label(made.Kind)}: request on appeal {appeal.CaseNumber}",
            $"{made.By.Name} asked on {PortalDates.Day(made.MadeOn)} for: {RequestLabels.Label(made.Kind).ToLowerInvariant()} (the last day to ask was {PortalDates.Day(made.LastDay)}).\n\n" +
            $"Reason: {made.Reason}" + (made.CompellingReason is null ? "" : $"\n\nCompelling reason: {made.CompellingReason}") +
            $"\n\nGrant or refuse it, with the reason, on the appeal's page in AIMS: /staff/appeals/{appeal.Id}/requests/{made.RequestId}")),
        ReminderAudience.CaseWorker | ReminderAudience.Decider);

    /// <summary>The parties are told the outcome and the reason, each in their language.</summary>
    public static AppealReminderDue ToParties(Appeal appeal, DivisionRequestMade made, DivisionRequestAnswered answer, IStringLocalizer<AppealsText> t) => new(
        appeal.Id, appeal.CaseNumber, $"DivisionRequestAnswered:{made.RequestId:N}", Wording.InEachLanguage(() => new NoticeText(
            answer.Granted ? t["Your request on appeal {0} is granted", appeal.CaseNumber] : t["Your request on appeal {0} is refused", appeal.CaseNumber],
            (answer.Granted
                ? t["The Appeals Division granted your request on appeal {0}, made {1}: {2}.", appeal.CaseNumber, PortalDates.Day(made.MadeOn), t[RequestLabels.Label(made.Kind)].Value.ToLowerInvariant()]
                : t["The Appeals Division refused your request on appeal {0}, made {1}: {2}.", appeal.CaseNumber, PortalDates.Day(made.MadeOn), t[RequestLabels.Label(made.Kind)].Value.ToLowerInvariant()])
            + "\n\n" + t["The division's reason: {0}", answer.Reason])),
        ReminderAudience.Parties);
}
