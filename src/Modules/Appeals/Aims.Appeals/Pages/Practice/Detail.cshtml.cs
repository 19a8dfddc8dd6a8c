using Aims.Appeals.Filing;
using Aims.Appeals.Practice;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Documents.Contracts;
using Aims.Identity.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Pages.Practice;

/// <summary>
/// A document added to a practice appeal. Only its name, category and size are kept: practice never stores content,
/// so there is nothing to scan, serve or leak, and the real documents store never sees it.
/// </summary>
internal sealed record UploadPracticeDocument(Guid UserId, Guid AppealId, string? FileName, long Size, string? Category) : ICommand<string>;

internal sealed class UploadPracticeDocumentValidator : AbstractValidator<UploadPracticeDocument>
{
    /// <summary>Practice keeps nothing of the file, so a small limit is enough to show what a limit looks like.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public UploadPracticeDocumentValidator()
    {
        RuleFor(c => c.FileName).NotEmpty().WithMessage("Choose a file to upload.").OverridePropertyName("Upload");
        When(c => !string.IsNullOrEmpty(c.FileName), () =>
            RuleFor(c => c.Size)
                .GreaterThan(0).WithMessage("The file is empty. Choose the file again.")
                .LessThanOrEqualTo(MaxBytes).WithMessage("Practice files can be at most 10 MB. Choose a smaller file.")
                .OverridePropertyName("Upload"));
        RuleFor(c => c.Category).Must(c => Enum.TryParse<DocumentCategory>(c, out var category) && PracticeScenarios.Categories.Contains(category))
            .WithMessage("Choose what the document is.");
    }
}

internal sealed class UploadPracticeDocumentHandler(PracticeCases practice, TimeProvider time, IStringLocalizer<AppealsText> t) : IRequestHandler<UploadPracticeDocument, string>
{
    public async Task<string> Handle(UploadPracticeDocument command, CancellationToken cancellationToken)
    {
        var found = await practice.FindAsync(command.UserId, command.AppealId, cancellationToken) ?? throw new NotFoundException("No such practice appeal.");
        var now = time.GetUtcNow();
        // The name as shown: no folder part, and no longer than the real store allows.
        var name = Path.GetFileName(command.FileName!.Replace('\\', '/')).Trim();
        name = string.IsNullOrEmpty(name) ? "document" : name[..Math.Min(name.Length, 150)];
        var category = Enum.Parse<DocumentCategory>(command.Category!);
        await practice.AddDocumentAsync(new PracticeDocument
        {
            Id = Guid.CreateVersion7(now),
            AppealId = command.AppealId,
            FileName = name,
            Category = category,
            SizeBytes = command.Size,
            UploadedAt = now,
        }, cancellationToken);
        var feedback = PracticeScenarios.Uploaded(t, found.Row.CaseNumber, name, category, command.Size);
        await practice.CompleteAsync(command.UserId, PracticeScenario.UploadDocument, feedback, now, cancellationToken);
        return feedback;
    }
}

/// <summary>The monitoring scenario's question: the person reads the appeal's next deadline and enters it.</summary>
internal sealed record AnswerPracticeQuestion(Guid UserId, Guid AppealId, string? NextDeadline) : ICommand<string>;

internal sealed class AnswerPracticeQuestionValidator : AbstractValidator<AnswerPracticeQuestion>
{
    public AnswerPracticeQuestionValidator() =>
        RuleFor(c => c.NextDeadline).NotEmpty().WithMessage("Enter the date of the next deadline.").UsDate();
}

internal sealed class AnswerPracticeQuestionHandler(PracticeCases practice, TimeProvider time, IStringLocalizer<AppealsText> t) : IRequestHandler<AnswerPracticeQuestion, string>
{
    public async Task<string> Handle(AnswerPracticeQuestion command, CancellationToken cancellationToken)
    {
        var found = await practice.FindAsync(command.UserId, command.AppealId, cancellationToken) ?? throw new NotFoundException("No such practice appeal.");
        var feedback = PracticeScenarios.Monitored(t, found.Row.CaseNumber, found.Appeal.NextDeadline, AimsRules.ParseDate(command.NextDeadline)!.Value)
            ?? throw FilingParties.Invalid(nameof(command.NextDeadline), "That is not this appeal's next deadline. Look under “Dates” for “Next deadline” and try again.");
        await practice.CompleteAsync(command.UserId, PracticeScenario.MonitorAppeal, feedback, time.GetUtcNow(), cancellationToken);
        return feedback;
    }
}

[Authorize(Policy = nameof(Permission.UsePracticeSpace))]
internal sealed class DetailModel(IMediator mediator, PracticeCases practice, IStringLocalizer<AppealsText> t) : PageModel
{
    public PracticeCase Case { get; private set; } = null!;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? NextDeadline { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new UploadPracticeDocument(UserId, id, Upload?.FileName, Upload?.Length ?? 0, Category), cancellationToken);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new AnswerPracticeQuestion(UserId, id, NextDeadline), cancellationToken);

    private Guid UserId => Filer.From(User).UserId;

    private async Task<IActionResult> SendAsync(Guid id, IRequest<string> command, CancellationToken cancellationToken)
    {
        try
        {
            if (await mediator.SendFormAsync(command, ModelState, "", cancellationToken) is { } feedback)
            {
                TempData["Notice"] = t["Scenario complete: {0}", feedback].Value;
                return Redirect($"/practice/{id}");
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await practice.FindAsync(UserId, id, cancellationToken);
        Case = found!;
        return found is not null;
    }
}
