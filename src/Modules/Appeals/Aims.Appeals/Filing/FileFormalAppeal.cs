using Aims.Appeals.Access;
using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.Appeals.Rules;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Web;
using FluentValidation;
using MediatR;

namespace Aims.Appeals.Filing;

/// <summary>
/// A provider's formal appeal of an informal decision (12VAC30-20-560): due 30 days after receipt (mail +3 days), filed
/// from the informal case, whose record it carries forward and which records it went further, so it is filed once.
/// </summary>
internal sealed record FileFormalAppeal(Filer Filer, string FilingKey, Guid? DraftId, FormalAppealForm Form) : ICommand<FiledAppeal>;

internal sealed class FormalAppealForm : IContactForm
{
    public Guid InformalAppealId { get; set; }

    public string? DecisionReceivedBy { get; set; }

    public string? Grounds { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }
}

internal sealed class FileFormalAppealValidator : AbstractValidator<FileFormalAppeal>
{
    public FileFormalAppealValidator()
    {
        RuleFor(c => c.Form.DecisionReceivedBy).Must(v => AppealChoices.IsOneOf(AppealChoices.ReceiptMethods, v))
            .WithMessage("Choose how the informal decision reached you.");
        RuleFor(c => c.Form.Grounds).NotEmpty().WithMessage("Say why the informal decision is wrong.")
            .MaximumLength(8000).WithMessage("Enter at most 8,000 characters.");
        RuleFor(c => c.Form).SetValidator(new ContactFormValidator());
    }
}

internal sealed class FileFormalAppealHandler(
    AppealFiling filing, AppealAudience audience, EventStreams store, AppealDeadlines deadlines, TimeProvider time) : IRequestHandler<FileFormalAppeal, FiledAppeal>
{
    public async Task<FiledAppeal> Handle(FileFormalAppeal command, CancellationToken cancellationToken)
    {
        var (appealId, existing) = await filing.ClaimAsync(command.Filer, command.FilingKey, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var form = command.Form;
        var informal = await InformalAppealAsync(command.Filer, form.InformalAppealId, cancellationToken);
        var method = Enum.Parse<ReceiptMethod>(form.DecisionReceivedBy!);
        var decision = informal.InformalDecision!;
        var filedOn = deadlines.FiledOn(time.GetUtcNow());
        var window = deadlines.ProviderFormalWindow(decision.DecidedOn, method);
        var caseNumber = await filing.NextCaseNumberAsync(AppealKind.ProviderFormal, filedOn, cancellationToken);
        var filed = new FormalAppealFiled(
            caseNumber, command.Filer.Person, informal.Provider!, informal.Agency, informal.Id, informal.CaseNumber, decision.DecidedOn, method,
            form.Grounds!.Trim(), form.Details(), filedOn, window.ReceivedOn, window.LastDay, window.IsTimely(filedOn),
            deadlines.RecommendedDecisionDue(filedOn));
        var started = new FormalAppealStarted(appealId, caseNumber, command.Filer.Person);
        await store.AppendAsync(informal.Id, informal.Version, [started], cancellationToken);
        informal.When(started);
        await filing.PlanRemindersAsync(informal, cancellationToken);
        return await filing.FileAsync(
            command.Filer, appealId, command.DraftId, filed,
            new AppealFiled(appealId, caseNumber, AppealKind.ProviderFormal, informal.Agency?.Id, informal.Provider!.Name, filedOn, filed.Timely, Expedited: false),
            [
                $"Formal appeal for {informal.Provider.Name} of the informal decision of {PortalDates.Day(decision.DecidedOn)} in {informal.CaseNumber}; " +
                "the record of the informal appeal carries forward.",
                filing.TimelinessLine(window.ReceivedOn, window.LastDay, filed.Timely),
                $"A recommended decision is due by {PortalDates.Day(filed.RecommendationDue)}.",
            ],
            cancellationToken);
    }

    private async Task<Appeal> InformalAppealAsync(Filer filer, Guid informalId, CancellationToken cancellationToken)
    {
        var access = await audience.AccessAsync(informalId, await audience.ViewerAsync(filer.UserId, cancellationToken), cancellationToken);
        if (!access.CanAct)
        {
            throw new NotFoundException("No such appeal.");
        }

        var informal = (await store.LoadAppealAsync(informalId, cancellationToken))!;
        return informal switch
        {
            { Kind: not AppealKind.ProviderInformal } => throw new RuleViolationException("{0} is not an informal appeal; only an informal decision is appealed formally.", informal.CaseNumber),
            { FormalAppeal: { } formal } => throw new RuleViolationException("A formal appeal of {0} was already filed: {1}.", informal.CaseNumber, formal.FormalCaseNumber),
            { Status: AppealStatus.Withdrawn } => throw new RuleViolationException("{0} was withdrawn; there is no decision to appeal.", informal.CaseNumber),
            { InformalDecision: null } => throw new RuleViolationException("{0} has no informal decision yet; a formal appeal follows the informal decision.", informal.CaseNumber),
            _ => informal,
        };
    }
}
