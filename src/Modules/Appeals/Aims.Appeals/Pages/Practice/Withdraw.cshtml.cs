using Aims.Appeals.Cases;
using Aims.Appeals.Model;
using Aims.Appeals.Pages.Appeals;
using Aims.Appeals.Practice;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Pages.Practice;

/// <summary>Withdraws a practice appeal by the real appeal's rule (<c>Appeal.Withdraw</c>), telling nobody.</summary>
internal sealed record WithdrawPracticeAppeal(Filer Filer, Guid AppealId, string? Reason) : ICommand<string>;

internal sealed class WithdrawPracticeAppealValidator : AbstractValidator<WithdrawPracticeAppeal>
{
    public WithdrawPracticeAppealValidator(IValidator<WithdrawAppeal> real) =>
        RuleFor(c => c).CustomAsync(async (command, context, cancellationToken) =>
        {
            var result = await real.ValidateAsync(new WithdrawAppeal(command.Filer, command.AppealId, null, command.Reason), cancellationToken);
            result.Errors.ForEach(context.AddFailure);
        });
}

internal sealed class WithdrawPracticeAppealHandler(PracticeCases practice, AppealDeadlines deadlines, TimeProvider time, IStringLocalizer<AppealsText> t)
    : IRequestHandler<WithdrawPracticeAppeal, string>
{
    public async Task<string> Handle(WithdrawPracticeAppeal command, CancellationToken cancellationToken)
    {
        var found = await practice.FindAsync(command.Filer.UserId, command.AppealId, cancellationToken) ?? throw new NotFoundException("No such practice appeal.");
        var now = time.GetUtcNow();
        var withdrawn = found.Appeal.Withdraw(command.Filer.Person, deadlines.FiledOn(now), command.Reason);
        if (!await practice.WithdrawAsync(command.AppealId, withdrawn, cancellationToken))
        {
            // Withdrawn by another tab meanwhile: say so in the appeal's own words, as the real page does.
            (await practice.FindAsync(command.Filer.UserId, command.AppealId, cancellationToken))!.Appeal.Withdraw(command.Filer.Person, withdrawn.WithdrawnOn, command.Reason);
        }

        var feedback = PracticeScenarios.Withdrew(t, found.Row.CaseNumber, withdrawn, found.Appeal.LastDayToFile);
        await practice.CompleteAsync(command.Filer.UserId, PracticeScenario.WithdrawAppeal, feedback, now, cancellationToken);
        return feedback;
    }
}

[Authorize(Policy = nameof(Permission.UsePracticeSpace))]
// Agency coordinators neither file nor withdraw real appeals, so practice does not offer it to them either.
[Authorize(Policy = nameof(Permission.FollowOwnAppeals))]
internal sealed class WithdrawModel(IMediator mediator, PracticeCases practice, IStringLocalizer<AppealsText> t) : PageModel
{
    public PracticeCase Case { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Why the withdrawal could not be made (already withdrawn).</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            if (await mediator.SendFormAsync(new WithdrawPracticeAppeal(Filer.From(User), id, Reason), ModelState, "", cancellationToken) is { } feedback)
            {
                TempData["Notice"] = t["Scenario complete: {0}", feedback].Value;
                return Redirect($"/practice/{id}");
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (RuleViolationException refused)
        {
            Refusal = refused.On(HttpContext);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await practice.FindAsync(Filer.From(User).UserId, id, cancellationToken);
        Case = found!;
        return found is not null;
    }
}
