using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Parties;
using Aims.Appeals.Practice;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
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
/// A practice document keeps only name, category and size: practice never stores content, so nothing to scan or leak. It is
/// held to the real upload rules (<see cref="GetUploadRules"/>), so practice teaches what a real upload accepts.
/// </summary>
internal sealed record UploadPracticeDocument(Guid UserId, Guid AppealId, string? FileName, long Size, string? Category, bool AgencyCoordinator)
    : ICommand<string>;

internal sealed class UploadPracticeDocumentValidator : AbstractValidator<UploadPracticeDocument>
{
    public UploadPracticeDocumentValidator()
    {
        RuleFor(c => c.FileName).NotEmpty().WithMessage("Choose a file to upload.").OverridePropertyName("Upload");
        When(c => !string.IsNullOrEmpty(c.FileName), () =>
            RuleFor(c => c.Size).GreaterThan(0).WithMessage("The file is empty. Choose the file again.").OverridePropertyName("Upload"));
        RuleFor(c => c.Category)
            .Must((command, c) => Enum.TryParse<DocumentCategory>(c, out var category) && PracticeScenarios.CategoriesFor(command.AgencyCoordinator).Contains(category))
            .WithMessage("Choose what the document is.");
    }
}

internal sealed class UploadPracticeDocumentHandler(PracticeCases practice, IMediator mediator, TimeProvider time, IStringLocalizer<AppealsText> t)
    : IRequestHandler<UploadPracticeDocument, string>
{
    public async Task<string> Handle(UploadPracticeDocument command, CancellationToken cancellationToken)
    {
        var found = await practice.FindAsync(command.UserId, command.AppealId, cancellationToken) ?? throw new NotFoundException("No such practice appeal.");
        var now = time.GetUtcNow();
        // The name as shown: no folder part, and no longer than the real store allows.
        var name = Path.GetFileName(command.FileName!.Replace('\\', '/')).Trim();
        name = string.IsNullOrEmpty(name) ? "document" : name[..Math.Min(name.Length, 150)];
        var rules = await mediator.Send(new GetUploadRules(), cancellationToken);
        if (!rules.Allows(name))
        {
            throw FilingParties.Invalid("Upload", t["“{0}” is not a type AIMS accepts. Choose a file ending in {1}.", name, string.Join(", ", rules.AllowedExtensions)]);
        }

        if (command.Size > rules.MaxFileBytes)
        {
            throw FilingParties.Invalid("Upload", t["“{0}” is larger than the limit of {1} per file. Choose a smaller file.", name, rules.MaxFileSize]);
        }

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

    /// <summary>The real upload's rules, which the form states.</summary>
    public UploadRules Rules { get; private set; } = null!;

    public bool AgencyCoordinator => User.IsInRole(nameof(Role.AgencyCoordinator));

    public Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new UploadPracticeDocument(UserId, id, Upload?.FileName, Upload?.Length ?? 0, Category, AgencyCoordinator), cancellationToken);

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
        Rules = await mediator.Send(new GetUploadRules(), cancellationToken);
        return found is not null;
    }
}
