using Aims.Appeals.Decisions;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Validation;
using Aims.Documents.Contracts;
using Aims.Identity.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Cases;

/// <summary>Issues the pending decision (deciders in <see cref="DecisionMakers"/>) as a PDF sent to the parties; a client decision
/// needs its seven parts and a cover letter naming the right to go to circuit court. An informal or final decision closes the case;
/// a recommended one opens 14 days for exceptions and the final decision's 60-day clock.</summary>
internal sealed record IssueDecision(Filer By, Guid AppealId, long? SeenVersion, DecisionForm Form) : ICommand<string>;

internal sealed class DecisionForm
{
    public string? Outcome { get; set; }

    /// <summary>The decision's text, for informal, recommended and final decisions.</summary>
    public string? Text { get; set; }

    public string? ProceduralHistory { get; set; }

    public string? FindingsOfFact { get; set; }

    public string? ConclusionsOfLaw { get; set; }

    public string? Reasoning { get; set; }

    public string? RequiredAction { get; set; }

    public string? ActionDeadline { get; set; }
}

internal sealed class IssueDecisionValidator : AbstractValidator<IssueDecision>
{
    public IssueDecisionValidator()
    {
        RuleFor(c => c.Form.Outcome).NotEmpty().WithMessage("Choose the outcome.");
        RuleFor(c => c.Form.ActionDeadline).Must(d => string.IsNullOrWhiteSpace(d) || AimsRules.ParseDate(d) is not null).WithMessage("Enter the date like 04/27/2026.");
        foreach (var part in new Func<DecisionForm, string?>[] { f => f.Text, f => f.ProceduralHistory, f => f.FindingsOfFact, f => f.ConclusionsOfLaw, f => f.Reasoning, f => f.RequiredAction })
        {
            RuleFor(c => part(c.Form)).MaximumLength(20_000).WithMessage("Enter at most 20,000 characters.");
        }
    }
}

internal sealed class IssueDecisionHandler(
    CaseWork work, AppealDeadlines deadlines, BusinessCalendar calendar, IOutbox bus, IMediator mediator, DecisionPdf pdf, IStringLocalizer<AppealsText> t)
    : IRequestHandler<IssueDecision, string>
{
    public async Task<string> Handle(IssueDecision command, CancellationToken cancellationToken)
    {
        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        var level = appeal.NextDecisionLevel;
        var roles = await mediator.Send(new GetUserRoles(command.By.UserId), cancellationToken);
        if (!roles.Any(AccessTable.RolesWith[DecisionMakers.PermissionFor(level)].Contains))
        {
            throw new RuleViolationException($"Only {DecisionMakers.Who(level)} issues the {DecisionWords.Name(level).ToLowerInvariant()} on {appeal.CaseNumber}.");
        }

        var form = command.Form;
        var outcome = DecisionWords.Outcomes(level).FirstOrDefault(o => o == form.Outcome)
            ?? throw Invalid("Form.Outcome", $"Choose one of: {string.Join(", ", DecisionWords.Outcomes(level))}.");
        var today = work.Today;
        var furtherBy = deadlines.FurtherAppealBy(level, today);
        var parts = level == DecisionLevel.Hearing ? SevenParts(form, appeal, outcome, today, furtherBy!.Value, deadlines.Rules.CircuitCourtDays) : null;
        var text = parts is null ? Required(form.Text, "Form.Text", "Write the decision: the findings and the reasons for it.") : Text(parts);
        var decision = appeal.Decide(
            new DecisionIssued(level, today, outcome, text, command.By.Person, furtherBy, null, parts,
                level == DecisionLevel.Recommended ? deadlines.FinalDecisionDue(today) : null),
            work.Now);

        var document = pdf.Render(new DecisionPdfContent(
            $"{DecisionWords.Name(level)}: {outcome}", appeal.CaseNumber, appeal.AppellantName, today, command.By.Name,
            [.. Sections(decision), new DecisionPdfSection("What happens next", DecisionWords.FurtherStep(level, furtherBy, t) ?? "")]));
        var documentId = await mediator.Send(
            new StoreIssuedDocument(appeal.Id, $"{appeal.CaseNumber} {DecisionWords.Name(level)} {today:yyyy-MM-dd}.pdf", DocumentCategory.Decision,
                $"{DecisionWords.Name(level)}: {outcome}", document, command.By.UserId, command.By.Name),
            cancellationToken);
        decision = decision with { DocumentId = documentId };
        await work.AppendAsync(appeal, decision, cancellationToken);
        if (decision.FinalDecisionDue is { } finalDue)
        {
            await CaseClocks.ScheduleDecisionClockAsync(bus, calendar, appeal.Id, DecisionLevel.Final, finalDue, cancellationToken);
        }

        await bus.PublishAsync(CaseAnnouncements.Decided(appeal, decision, t), cancellationToken);
        return $"The {DecisionWords.Name(level).ToLowerInvariant()} on {appeal.CaseNumber} is issued and sent to the parties.";
    }

    private static DecisionParts SevenParts(DecisionForm form, Appeal appeal, string outcome, DateOnly today, DateOnly courtBy, int courtDays) => new(
        Required(form.ProceduralHistory, "Form.ProceduralHistory", "Write the procedural history."),
        Required(form.FindingsOfFact, "Form.FindingsOfFact", "Write the findings of fact."),
        Required(form.ConclusionsOfLaw, "Form.ConclusionsOfLaw", "Write the conclusions of law."),
        Required(form.Reasoning, "Form.Reasoning", "Write the reasoning."),
        Required(form.RequiredAction, "Form.RequiredAction", "Say what action the agency must take (or that it need take none)."),
        AimsRules.ParseDate(form.ActionDeadline) ?? throw Invalid("Form.ActionDeadline", "Enter the deadline for the agency's action."),
        DecisionWords.CoverLetter(appeal.AppellantName, appeal.CaseNumber, outcome, today, courtBy, courtDays));

    private static IEnumerable<DecisionPdfSection> Sections(DecisionIssued decision) => decision.Parts is { } p
        ?
        [
            new("Cover letter", p.CoverLetter), new("Procedural history", p.ProceduralHistory), new("Findings of fact", p.FindingsOfFact),
            new("Conclusions of law", p.ConclusionsOfLaw), new("Reasoning", p.Reasoning), new("Action the agency must take", p.RequiredAction),
            new("Deadline for the action", $"{p.ActionDeadline:MM/dd/yyyy}"),
        ]
        : [new("Decision", decision.Text)];

    private static string Text(DecisionParts p) =>
        $"Procedural history\n{p.ProceduralHistory}\n\nFindings of fact\n{p.FindingsOfFact}\n\nConclusions of law\n{p.ConclusionsOfLaw}\n\n" +
        $"Reasoning\n{p.Reasoning}\n\nAction the agency must take\n{p.RequiredAction}\n\nDeadline for the action\n{p.ActionDeadline:MM/dd/yyyy}";

    private static string Required(string? value, string field, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid(field, message) : value.Trim();

    private static ValidationException Invalid(string field, string message) => new([new FluentValidation.Results.ValidationFailure(field, message)]);
}

/// <summary>Who issues each decision: the informal appeals agent, the hearing officer, or the administrator for the agency director.</summary>
internal static class DecisionMakers
{
    public static Permission PermissionFor(DecisionLevel level) => level switch
    {
        DecisionLevel.Informal => Permission.IssueInformalDecisions,
        DecisionLevel.Final => Permission.IssueFinalDecisions,
        _ => Permission.IssueHearingDecisions,
    };

    public static string Who(DecisionLevel level) => level switch
    {
        DecisionLevel.Informal => "an informal appeals agent",
        DecisionLevel.Final => "an appeals administrator (for the agency director)",
        _ => "a hearing officer",
    };
}
