using Aims.Appeals.Access;
using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.Documents.Contracts;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace Aims.Appeals.Cases;

/// <summary>
/// The agency files its appeal or case summary, attaching documents already on the appeal. A client appeal summary needs
/// every part 12VAC30-110-185 lists; a late one is recorded as late. Filing again replaces it; the history keeps each.
/// </summary>
internal sealed record FileCaseSummary(Filer By, Guid AppealId, long? SeenVersion, CaseSummaryForm Form) : ICommand<string>;

internal sealed class CaseSummaryForm
{
    public string? Identifiers { get; set; }

    public string? ResponsibleAgency { get; set; }

    public string? Facts { get; set; }

    public string? PolicyCitations { get; set; }

    public string? Notice { get; set; }

    public List<Guid> DocumentIds { get; set; } = [];
}

internal sealed class FileCaseSummaryValidator : AbstractValidator<FileCaseSummary>
{
    public FileCaseSummaryValidator()
    {
        RuleFor(c => c.Form.Facts).NotEmpty().WithMessage("Set out the facts and the documents the agency relied on.");
        foreach (var part in new Func<CaseSummaryForm, string?>[] { f => f.Identifiers, f => f.ResponsibleAgency, f => f.Facts, f => f.PolicyCitations, f => f.Notice })
        {
            RuleFor(c => part(c.Form)).MaximumLength(20_000).WithMessage("Enter at most 20,000 characters.");
        }

        RuleFor(c => c.Form.DocumentIds).Must(ids => ids.Count <= 50).WithMessage("Attach at most 50 documents.");
    }
}

internal sealed class FileCaseSummaryHandler(CaseWork work, AppealAudience audience, IMediator mediator) : IRequestHandler<FileCaseSummary, string>
{
    public async Task<string> Handle(FileCaseSummary command, CancellationToken cancellationToken)
    {
        var access = await audience.AccessAsync(command.AppealId, await audience.ViewerAsync(command.By.UserId, cancellationToken), cancellationToken);
        if (access.Party != AppealParty.AgencyCoordinator)
        {
            throw new NotFoundException("No such appeal.");
        }

        var documents = await mediator.Send(new ListAppealDocuments(command.AppealId, command.By.UserId), cancellationToken);
        var known = documents?.Items.Select(d => d.Id).ToHashSet() ?? [];
        if (command.Form.DocumentIds.Any(id => !known.Contains(id)))
        {
            throw new ValidationException([new ValidationFailure("Form.DocumentIds", "Attach documents of this appeal only: add them to the appeal first.")]);
        }

        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        var f = command.Form;
        var filed = appeal.FileCaseSummary(
            command.By.Person, work.Today, new CaseSummaryParts(Trim(f.Identifiers), Trim(f.ResponsibleAgency), Trim(f.Facts), Trim(f.PolicyCitations), Trim(f.Notice)),
            f.DocumentIds.Distinct().ToList());
        await work.AppendAsync(appeal, filed, cancellationToken);
        return filed.OnTime
            ? $"The case summary on {appeal.CaseNumber} is filed."
            : $"The case summary on {appeal.CaseNumber} is filed, after its due date ({appeal.Hearing!.SummaryDue:MM/dd/yyyy}); the {(appeal.Kind == AppealKind.ProviderInformal ? "informal appeals agent" : "hearing officer")} sees it marked late.";
    }

    private static string Trim(string? text) => text?.Trim() ?? "";
}
