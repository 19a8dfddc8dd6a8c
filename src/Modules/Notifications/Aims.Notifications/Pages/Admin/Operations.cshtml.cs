using Aims.BuildingBlocks.Messaging;
using Aims.Identity.Contracts;
using Aims.Notifications.Sending;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Notifications.Pages.Admin;

/// <summary>
/// The scheduler as administrators run it: reminders coming up, emails just sent, scheduled retries (try now or discard),
/// and dead letters (a refused address, a mail server that kept failing) with the error, to retry or cancel.
/// </summary>
[Authorize(Policy = nameof(Permission.RunOperations))]
internal sealed class OperationsModel(IMessageOperations operations, OutgoingLog outgoing) : PageModel
{
    private const int Shown = 50;

    public IReadOnlyList<MessageSummary> Upcoming { get; private set; } = [];

    public IReadOnlyList<MessageSummary> Sent { get; private set; } = [];

    public IReadOnlyList<MessageSummary> Dead { get; private set; } = [];

    public IReadOnlyList<MessageSummary> Retries { get; private set; } = [];

    /// <summary>Shows only the reminders whose key starts with this (an appeal's page links here with "appeal:{id}:").</summary>
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "key")]
    public string? Key { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Key = string.IsNullOrWhiteSpace(Key) ? null : Key.Trim();
        Upcoming = await operations.UpcomingAsync(Shown, Key, cancellationToken);
        Sent = await outgoing.RecentEmailsAsync(Shown, cancellationToken);
        Dead = await WithRecipientsAsync(await operations.DeadLettersAsync(Shown, cancellationToken), cancellationToken);
        Retries = await WithRecipientsAsync(await operations.RetriesAsync(Shown, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid message, CancellationToken cancellationToken)
    {
        if (await operations.RetryAsync(message, cancellationToken))
        {
            TempData["Notice"] = "The message is queued again, from its first attempt.";
        }
        else
        {
            TempData["Problem"] = "That message is not a dead letter any more, or a newer one with the same key is waiting.";
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryNowAsync(Guid message, CancellationToken cancellationToken)
    {
        if (await operations.RetryNowAsync(message, cancellationToken))
        {
            TempData["Notice"] = "The message will be tried again within a few seconds; if it fails again, its next retry is scheduled.";
        }
        else
        {
            TempData["Problem"] = "That message is not waiting for a retry any more: it was delivered, discarded or dead-lettered.";
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid message, CancellationToken cancellationToken)
    {
        TempData["Notice"] = await operations.CancelAsync(message, cancellationToken) ? "The message is cancelled." : "That message was already sent or cancelled.";
        return RedirectToPage();
    }

    /// <summary>Whom an email or text was for comes from the module's own record, by envelope (ADR 0051).</summary>
    private async Task<IReadOnlyList<MessageSummary>> WithRecipientsAsync(IReadOnlyList<MessageSummary> messages, CancellationToken cancellationToken)
    {
        var sends = await outgoing.ByEnvelopeAsync(messages.Select(m => m.Id).ToList(), cancellationToken);
        return messages.Select(m => sends.TryGetValue(m.Id, out var send) ? m with { EmailTo = send.EmailTo, EmailSubject = send.EmailSubject } : m).ToList();
    }
}
