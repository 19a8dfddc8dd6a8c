using Aims.Appeals.Access;
using Aims.Appeals.Cases;
using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.Appeals.Rules;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Appeals.Pages.Appeals;

/// <summary>
/// The appellant (or whoever acts for them) withdraws an open appeal before its final decision. The confirmation
/// carries the version the person saw, so two withdrawals at once, or one crossing a decision, append one event and
/// the other is told why. An API caller may leave the version out and withdraw whatever the appeal is now.
/// </summary>
internal sealed record WithdrawAppeal(Filer Filer, Guid AppealId, long? SeenVersion, string? Reason) : ICommand<WithdrawnAppeal>;

internal sealed record WithdrawnAppeal(string CaseNumber, DateOnly WithdrawnOn);

internal sealed class WithdrawAppealValidator : AbstractValidator<WithdrawAppeal>
{
    public WithdrawAppealValidator() =>
        RuleFor(c => c.Reason).MaximumLength(2000).WithMessage("Enter at most 2,000 characters.");
}

internal sealed class WithdrawAppealHandler(
    AppealAudience audience, EventStreams store, IMessageBus bus, IOutgoingMail mail, AppealDeadlines deadlines, IOptions<ContactOptions> contact, BusinessCalendar calendar, TimeProvider time,
    IStringLocalizer<AppealsText> t)
    : IRequestHandler<WithdrawAppeal, WithdrawnAppeal>
{
    public async Task<WithdrawnAppeal> Handle(WithdrawAppeal command, CancellationToken cancellationToken)
    {
        var access = await audience.AccessAsync(command.AppealId, await audience.ViewerAsync(command.Filer.UserId, cancellationToken), cancellationToken);
        if (!access.CanRead)
        {
            throw new NotFoundException("No such appeal.");
        }

        if (!access.CanAct)
        {
            throw new RuleViolationException("Only the appellant, or someone acting for them, can withdraw an appeal.");
        }

        var appeal = (await store.LoadAppealAsync(command.AppealId, cancellationToken))!;
        var withdrawn = appeal.Withdraw(command.Filer.Person, deadlines.FiledOn(time.GetUtcNow()), command.Reason);
        if (command.SeenVersion is { } seen && seen != appeal.Version)
        {
            throw Changed(appeal);
        }

        try
        {
            await store.AppendAsync(command.AppealId, appeal.Version, [withdrawn], cancellationToken);
        }
        catch (ConcurrencyException)
        {
            // Someone else appended between our read and write: tell this person what happened in the appeal's own
            // terms (already withdrawn, decided) rather than the store's generic message.
            var now = (await store.LoadAppealAsync(command.AppealId, cancellationToken))!;
            now.Withdraw(command.Filer.Person, withdrawn.WithdrawnOn, command.Reason);
            throw Changed(appeal);
        }

        await CaseClocks.CancelAllAsync(bus, command.AppealId, cancellationToken);

        appeal.When(withdrawn);
        await CaseReminders.PlanAsync(bus, calendar, time.GetUtcNow(), appeal, cancellationToken);

        await bus.PublishAsync(
            new AppealWithdrawn(command.AppealId, appeal.CaseNumber, appeal.Agency?.Id, appeal.AppellantName, withdrawn.WithdrawnOn, withdrawn.Reason),
            cancellationToken);
        await mail.QueueAsync(new EmailMessage(
            command.Filer.Email,
            t["Appeal {0} withdrawn", appeal.CaseNumber],
            t["Hello {0},", command.Filer.Name] + "\n\n"
            + t["You withdrew appeal {0} on {1}. The case is closed; the agency and the Appeals Division have been told. If you did not mean to withdraw it, call the Appeals Division at {2} at once.",
                appeal.CaseNumber, EmailText.Day(withdrawn.WithdrawnOn), contact.Value.AppealsDivisionPhone]
            + EmailText.Footer(contact.Value)),
            cancellationToken);
        return new WithdrawnAppeal(appeal.CaseNumber, withdrawn.WithdrawnOn);
    }

    private ConcurrencyException Changed(Appeal appeal) =>
        new(t["{0} changed since you opened it. Review it and confirm again.", appeal.CaseNumber]);
}

[Authorize]
internal sealed class WithdrawModel(IMediator mediator, IStringLocalizer<AppealsText> t) : PageModel
{
    public AppealView View { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public long SeenVersion { get; set; }

    /// <summary>Why the withdrawal could not be made (already withdrawn, decided, or changed meanwhile).</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SeenVersion = View.Appeal.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var withdrawn = await mediator.SendFormAsync(new WithdrawAppeal(Filer.From(User), id, SeenVersion, Reason), ModelState, "", cancellationToken);
            if (withdrawn is not null)
            {
                TempData["Notice"] = t["Appeal {0} is withdrawn. We emailed you a confirmation.", withdrawn.CaseNumber].Value;
                return Redirect($"/appeals/{id}");
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
        catch (ConcurrencyException changed)
        {
            Refusal = changed.Message;
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SeenVersion = View.Appeal.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        // Only those who may act on the appeal see the form; a coordinator who may read it gets 404 here too.
        var view = await mediator.Send(new GetAppeal(Filer.From(User).UserId, id), cancellationToken);
        View = view!;
        return view is { Access.CanAct: true };
    }
}
