using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Parties;
using Aims.Appeals.Practice;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Pages.Practice;

/// <summary>
/// A practice informal appeal: the real form's questions, checked by the real validator and dated by the real deadline
/// rules, stored in the practice schema only — no case number from the real sequences, no stream, no message, no email.
/// </summary>
internal sealed record FilePracticeAppeal(Filer Filer, string FilingKey, InformalAppealForm Form) : ICommand<FiledPracticeAppeal>;

/// <summary>The practice appeal, and the scenario's feedback when the filing completed it.</summary>
internal sealed record FiledPracticeAppeal(Guid Id, string CaseNumber, string? Feedback);

internal sealed class FilePracticeAppealValidator : AbstractValidator<FilePracticeAppeal>
{
    public FilePracticeAppealValidator(IValidator<FileInformalAppeal> informal) =>
        // The real filing's rules and messages, field by field; only the provider differs (the scenario's, below).
        RuleFor(c => c).CustomAsync(async (command, context, cancellationToken) =>
        {
            var result = await informal.ValidateAsync(new FileInformalAppeal(command.Filer, command.FilingKey, null, command.Form), cancellationToken);
            result.Errors.ForEach(context.AddFailure);
        });
}

internal sealed class FilePracticeAppealHandler(PracticeCases practice, AppealDeadlines deadlines, IMediator mediator, TimeProvider time, IStringLocalizer<AppealsText> t)
    : IRequestHandler<FilePracticeAppeal, FiledPracticeAppeal>
{
    public async Task<FiledPracticeAppeal> Handle(FilePracticeAppeal command, CancellationToken cancellationToken)
    {
        var form = command.Form;
        if (Guid.Parse(form.ProviderId!) != PracticeScenarios.Provider.Id)
        {
            throw FilingParties.Invalid("Form.ProviderId", $"Choose {PracticeScenarios.Provider.Name}: practice appeals are filed for the practice provider.");
        }

        var agency = await FilingParties.AgencyAsync(mediator, form.AgencyId, AgencyType.ProviderAgency, "Form.AgencyId", cancellationToken);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        // Practice numbers cannot be mistaken for (or use up) real ones: PRACTICE- and the id's random tail.
        var caseNumber = "PRACTICE-" + id.ToString("N")[^6..].ToUpperInvariant();
        var method = Enum.Parse<ReceiptMethod>(form.ReceivedBy!);
        var noticeDate = AimsRules.ParseDate(form.NoticeDate)!.Value;
        var filedOn = deadlines.FiledOn(now);
        var window = deadlines.ProviderInformalWindow(noticeDate, method);
        var filed = new InformalAppealFiled(
            caseNumber, command.Filer.Person, PracticeScenarios.Provider, agency, form.ActionType!, noticeDate, method,
            form.FromMco == "yes" ? AimsRules.ParseDate(form.McoFinalLetterDate) : null,
            form.FilledItems.Select(i => new DisputedItem(i.Reference!.Trim(), DisputedItemForm.ParseAmount(i.Amount)!.Value, i.Reason!.Trim())).ToList(),
            form.DesiredOutcome!.Trim(), form.Details(),
            filedOn, window.ReceivedOn, window.LastDay, window.IsTimely(filedOn), deadlines.InformalDecisionDue(filedOn));
        var storedId = await practice.FileAsync(command.Filer.UserId, command.FilingKey, id, caseNumber, filed, now, cancellationToken);
        if (storedId != id)
        {
            var existing = (await practice.FindAsync(command.Filer.UserId, storedId, cancellationToken))!;
            return new FiledPracticeAppeal(storedId, existing.Row.CaseNumber, null);
        }

        var feedback = PracticeScenarios.Filed(t, caseNumber, filed);
        if (feedback is not null)
        {
            await practice.CompleteAsync(command.Filer.UserId, PracticeScenario.FileInformalAppeal, feedback, now, cancellationToken);
        }

        return new FiledPracticeAppeal(id, caseNumber, feedback);
    }
}

[Authorize(Policy = nameof(Permission.UsePracticeSpace))]
// Agency coordinators neither file nor withdraw real appeals, so practice does not offer it to them either.
[Authorize(Policy = nameof(Permission.FollowOwnAppeals))]
internal sealed class FileModel(IMediator mediator, AppealDeadlines deadlines, TimeProvider time, IStringLocalizer<AppealsText> t) : PageModel
{
    [BindProperty]
    public InformalAppealForm Form { get; set; } = new();

    [BindProperty]
    public string? FilingKey { get; set; }

    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];

    public FilingWindow? Window { get; private set; }

    public DateOnly Today => deadlines.FiledOn(time.GetUtcNow());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FilingKey = Guid.NewGuid().ToString();
        Form.ProviderId = PracticeScenarios.Provider.Id.ToString();
        Form.Prefill(Filer.From(User));
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var key = string.IsNullOrWhiteSpace(FilingKey) ? Guid.NewGuid().ToString() : FilingKey.Trim();
        var filed = await mediator.SendFormAsync(new FilePracticeAppeal(Filer.From(User), key, Form), ModelState, "", cancellationToken);
        if (filed is null)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        TempData["Notice"] = filed.Feedback is { } feedback
            ? t["Scenario complete: {0}", feedback].Value
            : t["Practice appeal {0} is filed, but the scenario asks you to appeal the denied claim: choose \"Denied claims\" as the kind of action and file again.", filed.CaseNumber].Value;
        return Redirect($"/practice/{filed.Id}");
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        // Real agencies to choose from, read only: naming one in practice tells it nothing.
        Agencies = await mediator.Send(new ListAgencies(AgencyType.ProviderAgency), cancellationToken);
        if (AimsRules.ParseDate(Form.NoticeDate) is { } notice && Enum.TryParse<ReceiptMethod>(Form.ReceivedBy, out var method))
        {
            Window = deadlines.ProviderInformalWindow(notice, method);
        }
    }
}
