using System.Net.Mail;
using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Web;
using Aims.Host.Help;
using Aims.Identity.Contracts;
using Aims.Notifications.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Aims.Host.Pages.Help;

/// <summary>
/// One audience's questions; every number in an answer comes from the options and rules the system uses (asked through
/// Contracts), so the answers change with the configuration.
/// </summary>
[AllowAnonymous]
internal sealed class FaqModel(IMediator mediator, IOutgoingMail mail, IOptions<ContactOptions> contact) : PageModel
{
    public HelpAudience Audience { get; private set; }

    public SignInRules SignInRules { get; private set; } = null!;

    public FilingRules Filing { get; private set; } = null!;

    public ContactOptions Contact => contact.Value;

    /// <summary>The address codes come from, without its display name ("no-reply@…"), to add to safe senders.</summary>
    public string SenderAddress => new MailAddress(mail.From).Address;

    public async Task<IActionResult> OnGetAsync(string audience, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<HelpAudience>(audience, ignoreCase: true, out var parsed) || audience != parsed.ToString().ToLowerInvariant())
        {
            return NotFound();
        }

        Audience = parsed;
        SignInRules = await mediator.Send(new GetSignInRules(), cancellationToken);
        Filing = await mediator.Send(new GetFilingRules(), cancellationToken);
        return Page();
    }

    /// <summary>Whole minutes, as the answers state them.</summary>
    public static int Minutes(TimeSpan span) => (int)Math.Round(span.TotalMinutes);
}
