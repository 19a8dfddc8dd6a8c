using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Parties;
using Aims.Appeals.Persistence;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Registration.Contracts;
using FluentValidation;
using MediatR;

namespace Aims.Appeals.Filing;

/// <summary>A provider's informal appeal of a notice of adverse action (12VAC30-20-540): due 30 days after receipt (US mail +3 days;
/// email, fax, portal the same day). A late appeal is accepted but marked untimely, for the division to dismiss or accept for good
/// cause. An action by an MCO is appealed to the MCO first (12VAC30-120-430).</summary>
internal sealed record FileInformalAppeal(Filer Filer, string FilingKey, Guid? DraftId, InformalAppealForm Form) : ICommand<FiledAppeal>;

internal sealed class InformalAppealForm : IContactForm
{
    public string? ProviderId { get; set; }

    public string? NoticeDate { get; set; }

    public string? ReceivedBy { get; set; }

    public string? AgencyId { get; set; }

    public string? ActionType { get; set; }

    public string? FromMco { get; set; }

    public string? McoFinalLetterDate { get; set; }

    public List<DisputedItemForm> Items { get; set; } = [new()];

    public string? DesiredOutcome { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public IEnumerable<DisputedItemForm> FilledItems => Items.Where(i => !i.IsBlank);
}

internal sealed class DisputedItemForm
{
    public string? Reference { get; set; }

    public string? Amount { get; set; }

    public string? Reason { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Reference) && string.IsNullOrWhiteSpace(Amount) && string.IsNullOrWhiteSpace(Reason);

    public static decimal? ParseAmount(string? value) => AimsRules.ParseDollars(value);
}

internal sealed class FileInformalAppealValidator : AbstractValidator<FileInformalAppeal>
{
    public FileInformalAppealValidator(BusinessCalendar calendar)
    {
        RuleFor(c => c.Form.ProviderId).Must(id => Guid.TryParse(id, out _)).WithMessage("Choose the provider this appeal is for.");
        RuleFor(c => c.Form.NoticeDate).NotEmpty().WithMessage("Enter the date on the notice of adverse action.")
            .UsDate().PastOrToday(calendar, "The notice date cannot be after today.");
        RuleFor(c => c.Form.ReceivedBy).Must(v => AppealChoices.IsOneOf(AppealChoices.ReceiptMethods, v)).WithMessage("Choose how the notice reached you.");
        RuleFor(c => c.Form.AgencyId).Must(id => string.IsNullOrEmpty(id) || Guid.TryParse(id, out _)).WithMessage("Choose the agency or contractor from the list.");
        RuleFor(c => c.Form.ActionType).Must(v => AppealChoices.IsOneOf(AppealChoices.ProviderActions, v)).WithMessage("Choose the kind of action you are appealing.");
        RuleFor(c => c.Form.FromMco).Must(v => v is "yes" or "no").WithMessage("Say whether a managed care organization (MCO) took the action.");
        When(c => c.Form.FromMco == "yes", () => RuleFor(c => c.Form.McoFinalLetterDate)
            .NotEmpty().WithMessage("An MCO's action is appealed to the MCO first. Enter the date of the MCO's final reconsideration letter; " +
                                    "if the MCO has not decided yet, ask it to reconsider before you appeal here.")
            .UsDate().PastOrToday(calendar, "The letter's date cannot be after today."));
        RuleFor(c => c.Form.FilledItems).NotEmpty().WithName("Items").OverridePropertyName("Form.Items")
            .WithMessage("Name at least one disputed adjustment or claim.");
        RuleForEach(c => c.Form.Items).ChildRules(item =>
        {
            item.When(i => !i.IsBlank, () =>
            {
                item.RuleFor(i => i.Reference).NotEmpty().WithMessage("Enter the claim number or adjustment reference.")
                    .MaximumLength(100).WithMessage("Enter at most 100 characters.");
                item.RuleFor(i => i.Amount).Dollars();
                item.RuleFor(i => i.Reason).NotEmpty().WithMessage("Say why this is disputed.").MaximumLength(2000).WithMessage("Enter at most 2,000 characters.");
            });
        });
        RuleFor(c => c.Form.Items).Must(items => items.Count <= 50).WithMessage("List at most 50 items here; attach a spreadsheet for more.");
        RuleFor(c => c.Form.DesiredOutcome).NotEmpty().WithMessage("Say what outcome you want.").MaximumLength(4000).WithMessage("Enter at most 4,000 characters.");
        RuleFor(c => c.Form).SetValidator(new ContactFormValidator());
    }
}

internal sealed class FileInformalAppealHandler(
    AppealFiling filing, AppealDeadlines deadlines, IMediator mediator, TimeProvider time) : IRequestHandler<FileInformalAppeal, FiledAppeal>
{
    public async Task<FiledAppeal> Handle(FileInformalAppeal command, CancellationToken cancellationToken)
    {
        var (appealId, existing) = await filing.ClaimAsync(command.Filer, command.FilingKey, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var form = command.Form;
        var provider = await FilingParties.ProviderAsync(mediator, command.Filer, form.ProviderId!, "Form.ProviderId", cancellationToken);
        var agency = await FilingParties.AgencyAsync(mediator, form.AgencyId, AgencyType.ProviderAgency, "Form.AgencyId", cancellationToken);
        var method = Enum.Parse<ReceiptMethod>(form.ReceivedBy!);
        var noticeDate = AimsRules.ParseDate(form.NoticeDate)!.Value;
        var filedOn = deadlines.FiledOn(time.GetUtcNow());
        var window = deadlines.ProviderInformalWindow(noticeDate, method);
        var caseNumber = await filing.NextCaseNumberAsync(AppealKind.ProviderInformal, filedOn, cancellationToken);
        var filed = new InformalAppealFiled(
            caseNumber, command.Filer.Person, provider, agency, form.ActionType!, noticeDate, method,
            form.FromMco == "yes" ? AimsRules.ParseDate(form.McoFinalLetterDate) : null,
            form.FilledItems.Select(i => new DisputedItem(i.Reference!.Trim(), DisputedItemForm.ParseAmount(i.Amount)!.Value, i.Reason!.Trim())).ToList(),
            form.DesiredOutcome!.Trim(), form.Details(),
            filedOn, window.ReceivedOn, window.LastDay, window.IsTimely(filedOn), deadlines.InformalDecisionDue(filedOn));
        return await filing.FileAsync(
            command.Filer, appealId, command.DraftId, filed,
            new AppealFiled(appealId, caseNumber, AppealKind.ProviderInformal, agency?.Id, provider.Name, filedOn, filed.Timely, Expedited: false),
            [
                $"Informal appeal for {provider.Name} (NPI {provider.Npi}) of the {AppealChoices.Label(AppealChoices.ProviderActions, filed.ActionType).ToLowerInvariant()} notice dated {PortalDates.Day(noticeDate)}.",
                filing.TimelinessLine(window.ReceivedOn, window.LastDay, filed.Timely),
                $"An informal decision is due by {PortalDates.Day(filed.DecisionDue)}.",
            ],
            cancellationToken);
    }
}
