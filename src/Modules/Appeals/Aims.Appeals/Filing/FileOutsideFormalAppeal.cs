using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Parties;
using Aims.Appeals.Persistence;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Documents.Contracts;
using Aims.Registration.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Filing;

/// <summary>
/// A formal appeal of an informal decision made outside AIMS; its 30-day window counts from the decision's receipt (12VAC30-20-560;
/// ADR 0038). The decision letter is stored through Documents in the filing's transaction, so no appeal lacks its letter.
/// </summary>
internal sealed record FileOutsideFormalAppeal(Filer Filer, string FilingKey, Guid? DraftId, OutsideFormalAppealForm Form, IncomingFile? DecisionLetter)
    : ICommand<FiledAppeal>;

internal sealed class OutsideFormalAppealForm : IContactForm
{
    /// <summary>Always empty: a saved draft of this form names no informal appeal in AIMS (the drafts list reads it).</summary>
    public Guid InformalAppealId { get; set; }

    public string? ProviderId { get; set; }

    public string? AgencyId { get; set; }

    public string? InformalCaseNumber { get; set; }

    public string? InformalDecisionDate { get; set; }

    public string? DecisionReceivedBy { get; set; }

    public string? Grounds { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }
}

internal sealed class FileOutsideFormalAppealValidator : AbstractValidator<FileOutsideFormalAppeal>
{
    public FileOutsideFormalAppealValidator(BusinessCalendar calendar)
    {
        RuleFor(c => c.Form.ProviderId).Must(id => Guid.TryParse(id, out _)).WithMessage("Choose the provider this appeal is for.");
        RuleFor(c => c.Form.AgencyId).Must(id => string.IsNullOrEmpty(id) || Guid.TryParse(id, out _)).WithMessage("Choose the agency or contractor from the list.");
        RuleFor(c => c.Form.InformalCaseNumber).NotEmpty().WithMessage("Enter the informal appeal's case number, as on the decision letter.")
            .MaximumLength(40).WithMessage("Enter at most 40 characters.");
        RuleFor(c => c.Form.InformalDecisionDate).NotEmpty().WithMessage("Enter the date of the informal decision.")
            .UsDate().PastOrToday(calendar, "The decision date cannot be after today.");
        RuleFor(c => c.Form.DecisionReceivedBy).Must(v => AppealChoices.IsOneOf(AppealChoices.ReceiptMethods, v))
            .WithMessage("Choose how the informal decision reached you.");
        RuleFor(c => c.Form.Grounds).NotEmpty().WithMessage("Say why the informal decision is wrong.")
            .MaximumLength(8000).WithMessage("Enter at most 8,000 characters.");
        RuleFor(c => c.Form).SetValidator(new ContactFormValidator());
        RuleFor(c => c.DecisionLetter).NotNull().WithMessage("Attach the informal decision letter.");
    }
}

internal sealed class FileOutsideFormalAppealHandler(
    AppealFiling filing, AppealsDbContext db, AppealDeadlines deadlines, IMediator mediator, TimeProvider time) : IRequestHandler<FileOutsideFormalAppeal, FiledAppeal>
{
    public async Task<FiledAppeal> Handle(FileOutsideFormalAppeal command, CancellationToken cancellationToken)
    {
        var (appealId, existing) = await filing.ClaimAsync(command.Filer, command.FilingKey, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var form = command.Form;
        var provider = await FilingParties.ProviderAsync(mediator, command.Filer, form.ProviderId!, "Form.ProviderId", cancellationToken);
        var agency = await FilingParties.AgencyAsync(mediator, form.AgencyId, AgencyType.ProviderAgency, "Form.AgencyId", cancellationToken);
        var informalCaseNumber = form.InformalCaseNumber!.Trim().ToUpperInvariant();
        if (await db.Summaries.AsNoTracking().AnyAsync(s => s.CaseNumber == informalCaseNumber && s.ProviderId == provider.Id, cancellationToken))
        {
            throw new RuleViolationException("{0} is an appeal in AIMS: file the formal appeal from its page, so its record carries forward.", informalCaseNumber);
        }

        var decidedOn = AimsRules.ParseDate(form.InformalDecisionDate)!.Value;
        var method = Enum.Parse<ReceiptMethod>(form.DecisionReceivedBy!);
        var filedOn = deadlines.FiledOn(time.GetUtcNow());
        var window = deadlines.ProviderFormalWindow(decidedOn, method);
        var caseNumber = await filing.NextCaseNumberAsync(AppealKind.ProviderFormal, filedOn, cancellationToken);
        var letter = command.DecisionLetter!;
        await mediator.Send(
            new AttachFiledDocument(appealId, nameof(command.DecisionLetter), letter, DocumentCategory.InformalDecisionLetter, command.Filer.UserId, command.Filer.Name),
            cancellationToken);
        var filed = new FormalAppealFiled(
            caseNumber, command.Filer.Person, provider, agency, Guid.Empty, informalCaseNumber, decidedOn, method,
            form.Grounds!.Trim(), form.Details(), filedOn, window.ReceivedOn, window.LastDay, window.IsTimely(filedOn),
            deadlines.RecommendedDecisionDue(filedOn), InformalOutsideAims: true);
        return await filing.FileAsync(
            command.Filer, appealId, command.DraftId, filed,
            new AppealFiled(appealId, caseNumber, AppealKind.ProviderFormal, agency?.Id, provider.Name, filedOn, filed.Timely, Expedited: false),
            [
                $"Formal appeal for {provider.Name} (NPI {provider.Npi}) of the informal decision of {PortalDates.Day(decidedOn)} in {informalCaseNumber}, made outside AIMS. " +
                $"The decision letter you sent ({letter.Name}) is on the appeal.",
                filing.TimelinessLine(window.ReceivedOn, window.LastDay, filed.Timely),
                $"A recommended decision is due by {PortalDates.Day(filed.RecommendationDue)}.",
            ],
            cancellationToken);
    }
}

