using Aims.Appeals.Cases;
using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Parties;
using Aims.Appeals.Persistence;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Registration.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Appeals.Filing;

/// <summary>A Medicaid applicant's or member's appeal (12VAC30-110): due 30 days after the notice is received (its date + 5);
/// benefits continue if filed before the action takes effect or within 10 days (42 CFR 431.231); an MCO member first exhausts
/// the MCO's appeal, then has 120 days (+5), or comes at once if the MCO was late (42 CFR 438.408(c)(3)). A representative
/// proves authority within 10 days (12VAC30-110-60); the rules in full: docs/appeals.md.</summary>
internal sealed record FileClientAppeal(Filer Filer, string FilingKey, Guid? DraftId, ClientAppealForm Form) : ICommand<FiledAppeal>;

internal sealed class ClientAppealForm : IContactForm
{
    public string? Capacity { get; set; }

    public string? AppellantName { get; set; }

    public string? MedicaidId { get; set; }

    public string? AgencyId { get; set; }

    public string? ActionType { get; set; }

    public string? ActionDescription { get; set; }

    public string? NoticeDate { get; set; }

    public string? EffectiveDate { get; set; }

    public string? Expedited { get; set; }

    public string? ExpeditedTrack { get; set; }

    public string? ExpeditedReason { get; set; }

    public string? McoMember { get; set; }

    /// <summary>"decided" (the MCO's final decision is dated) or "late" (the MCO did not decide in time).</summary>
    public string? McoOutcome { get; set; }

    public string? McoFinalDecisionDate { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }
}

internal static class ClientAppealChoices
{
    public static IReadOnlyList<BuildingBlocks.Web.Choice> McoOutcomes { get; } =
    [
        new("decided", "The MCO decided my appeal", "Enter the date of its final decision letter."),
        new("late", "The MCO did not decide in time", "You may appeal here without waiting for it."),
    ];

    public const string ExpeditedCriteria =
        "Ask for an expedited appeal when waiting the usual time (up to {0} days) could put the appellant's life, physical or mental " +
        "health, or ability to attain, maintain or regain maximum function at risk. If the Appeals Division does not agree, the appeal " +
        "continues on the standard track and you are told.";
}

internal sealed class FileClientAppealValidator : AbstractValidator<FileClientAppeal>
{
    public FileClientAppealValidator(BusinessCalendar calendar)
    {
        When(c => c.Filer.IsRepresentative, () =>
        {
            RuleFor(c => c.Form.Capacity).Must(v => AppealChoices.IsOneOf(AppealChoices.RepresentativeCapacities, v))
                .WithMessage("Say who you are to the appellant.");
            RuleFor(c => c.Form.AppellantName).NotEmpty().WithMessage("Enter the appellant's full name.")
                .MaximumLength(200).WithMessage("Enter at most 200 characters.");
            RuleFor(c => c.Form.MedicaidId).NotEmpty().WithMessage("Enter the appellant's 12-digit Medicaid ID.").MedicaidId();
        });
        RuleFor(c => c.Form.AgencyId).Must(id => string.IsNullOrEmpty(id) || Guid.TryParse(id, out _)).WithMessage("Choose the agency from the list.");
        RuleFor(c => c.Form.ActionType).Must(v => AppealChoices.IsOneOf(AppealChoices.ClientActions, v)).WithMessage("Choose what you are appealing.");
        RuleFor(c => c.Form.ActionDescription).NotEmpty().WithMessage("Say what happened and why you disagree.")
            .MaximumLength(4000).WithMessage("Enter at most 4,000 characters.");
        RuleFor(c => c.Form.NoticeDate).NotEmpty().WithMessage("Enter the date on the notice.")
            .UsDate().PastOrToday(calendar, "The notice date cannot be after today.");
        RuleFor(c => c.Form.EffectiveDate).UsDate().When(c => !string.IsNullOrWhiteSpace(c.Form.EffectiveDate))
            .Must((c, effective) => AimsRules.ParseDate(effective) is not { } e || AimsRules.ParseDate(c.Form.NoticeDate) is not { } n || e >= n)
            .WithMessage("The date the action takes effect cannot be before the notice date.");
        RuleFor(c => c.Form.Expedited).Must(v => v is "yes" or "no").WithMessage("Say whether you ask for an expedited appeal.");
        When(c => c.Form.Expedited == "yes", () =>
        {
            RuleFor(c => c.Form.ExpeditedTrack).Must(v => AppealChoices.IsOneOf(AppealChoices.ExpeditedTracks, v))
                .WithMessage("Say whether the appeal is about services or eligibility.");
            RuleFor(c => c.Form.ExpeditedReason).NotEmpty().WithMessage("Say how waiting could harm the appellant's health or ability to function.")
                .MaximumLength(4000).WithMessage("Enter at most 4,000 characters.");
        });
        RuleFor(c => c.Form.McoMember).Must(v => v is "yes" or "no").WithMessage("Say whether the appellant is enrolled in a managed care organization (MCO) for this service.");
        When(c => c.Form.McoMember == "yes", () =>
        {
            RuleFor(c => c.Form.McoOutcome).Must(v => v is "decided" or "late")
                .WithMessage("An MCO's decision is appealed to the MCO first. Say whether it decided your appeal; if you have not appealed to the MCO, " +
                             "do that first — an appeal here without it is dismissed.");
            When(c => c.Form.McoOutcome == "decided", () => RuleFor(c => c.Form.McoFinalDecisionDate)
                .NotEmpty().WithMessage("Enter the date of the MCO's final decision letter.")
                .UsDate().PastOrToday(calendar, "The MCO's decision date cannot be after today."));
        });
        RuleFor(c => c.Form).SetValidator(new ContactFormValidator());
    }
}

internal sealed class FileClientAppealHandler(
    AppealFiling filing, AppealDeadlines deadlines, BusinessCalendar calendar, IMediator mediator, IOutbox bus, TimeProvider time,
    IOptions<AppealRulesOptions> rules)
    : IRequestHandler<FileClientAppeal, FiledAppeal>
{
    public async Task<FiledAppeal> Handle(FileClientAppeal command, CancellationToken cancellationToken)
    {
        var (appealId, existing) = await filing.ClaimAsync(command.Filer, command.FilingKey, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var form = command.Form;
        var (capacity, appellant, medicaidId) = await AppellantAsync(command, cancellationToken);
        var agency = await FilingParties.AgencyAsync(mediator, form.AgencyId, AgencyType.ClientAgency, "Form.AgencyId", cancellationToken);
        var noticeDate = AimsRules.ParseDate(form.NoticeDate)!.Value;
        var effectiveDate = AimsRules.ParseDate(form.EffectiveDate);
        var filedOn = deadlines.FiledOn(time.GetUtcNow());
        var mco = form.McoMember == "yes"
            ? new McoExhaustion(form.McoOutcome == "decided" ? AimsRules.ParseDate(form.McoFinalDecisionDate) : null, form.McoOutcome == "late")
            : null;
        var window = mco switch
        {
            { FinalDecisionDate: { } decided } => deadlines.McoMemberWindow(decided),
            // Deemed exhaustion (42 CFR 438.408(c)(3)) has no date the portal can count from; the division checks it at intake.
            { DidNotDecideInTime: true } => new FilingWindow(filedOn, filedOn),
            _ => deadlines.ClientWindow(noticeDate),
        };
        var track = form.Expedited == "yes" ? Enum.Parse<ExpeditedTrack>(form.ExpeditedTrack!) : (ExpeditedTrack?)null;
        var caseNumber = await filing.NextCaseNumberAsync(AppealKind.Client, filedOn, cancellationToken);
        var filed = new ClientAppealFiled(
            caseNumber, command.Filer.Person, capacity, appellant, medicaidId, agency, form.ActionType!, form.ActionDescription!.Trim(),
            noticeDate, effectiveDate, deadlines.ContinuesBenefits(noticeDate, effectiveDate, filedOn),
            track, track is null ? null : form.ExpeditedReason!.Trim(), mco, form.Details(),
            filedOn, window.ReceivedOn, window.LastDay, window.IsTimely(filedOn),
            track is { } t ? deadlines.ExpeditedDecisionDue(filedOn, t) : deadlines.ClientDecisionDue(filedOn, waivedDays: 0),
            capacity == FilerCapacity.AuthorizedRepresentative ? deadlines.AuthorityProofDue(filedOn) : null);
        if (filed.AuthorityProofDue is { } proofDue)
        {
            await AuthorityProofCheck.ScheduleAsync(bus, calendar, appealId, proofDue, cancellationToken);
        }

        return await filing.FileAsync(
            command.Filer, appealId, command.DraftId, filed,
            new AppealFiled(appealId, caseNumber, AppealKind.Client, agency?.Id, appellant, filedOn, filed.Timely, track is not null),
            ConfirmationLines(filed, filing.Text),
            cancellationToken);
    }

    private async Task<(FilerCapacity Capacity, string Name, string MedicaidId)> AppellantAsync(FileClientAppeal command, CancellationToken cancellationToken)
    {
        if (command.Filer.IsRepresentative)
        {
            return (Enum.Parse<FilerCapacity>(command.Form.Capacity!), command.Form.AppellantName!.Trim(), command.Form.MedicaidId!.Trim());
        }

        var profile = await mediator.Send(new GetClientProfile(command.Filer.UserId), cancellationToken)
            ?? throw new RuleViolationException("Fill in your details for appeals (date of birth, Medicaid ID, address) before you file.");
        return (FilerCapacity.Self, profile.FullName, profile.MedicaidId);
    }

    private List<string> ConfirmationLines(ClientAppealFiled filed, IStringLocalizer<AppealsText> t)
    {
        List<string> lines =
        [
            t["Appeal for {0} of the notice dated {1} ({2}).", filed.AppellantName, PortalDates.Day(filed.NoticeDate),
                t[AppealChoices.Label(AppealChoices.ClientActions, filed.ActionType)].Value.ToLowerInvariant()],
            filing.TimelinessLine(filed.ReceivedOn, filed.LastDayToFile, filed.Timely),
            filed.ContinuesBenefits
                ? t["Benefits continue while the appeal is decided, because it was filed before the action took effect or within {0} days of the notice. If the decision goes against you, you may have to repay them.", rules.Value.ContinuationOfBenefitsDays]
                : t["Benefits do not continue while the appeal is decided: it was filed after the action took effect and more than {0} days after the notice.", rules.Value.ContinuationOfBenefitsDays],
            filed.Expedited is null
                ? t["A decision is due by {0}.", PortalDates.Day(filed.DecisionDue)]
                : t["You asked for an expedited appeal. If the Appeals Division agrees, a decision is due by {0}; if not, the appeal continues on the standard track and you are told.", PortalDates.Day(filed.DecisionDue)],
        ];
        if (filed.AuthorityProofDue is { } due)
        {
            lines.Add(t["As the appellant's authorized representative, send the signed statement naming you by {0}, or the appeal is invalid.", PortalDates.Day(due)]);
        }

        return lines;
    }
}
