using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Persistence;
using Aims.Registration.Requests;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aims.Registration.Pages.Register;

/// <summary>Where a request stands, for whoever holds its status link (the link's secret is the only key).</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RegistrationRateLimits.Requests)]
internal sealed class StatusModel(RegistrationDbContext db, BusinessCalendar calendar, IMediator mediator, IOptions<ContactOptions> contact) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public AccessRequest? AccessRequest { get; private set; }

    public DateOnly CallAfter { get; private set; }

    public string Helpline => contact.Value.HelplinePhone;

    /// <summary>How long the password link of an approved request works, as Identity issues it.</summary>
    public double ActivationLinkHours { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!LinkSecrets.IsPlausible(Token))
        {
            return NotFound();
        }

        var hash = LinkSecrets.Hash(Token);
        AccessRequest = await db.AccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.StatusTokenHash == hash, cancellationToken);
        if (AccessRequest is null)
        {
            return NotFound();
        }

        ActivationLinkHours = (await mediator.Send(new GetSignInRules(), cancellationToken)).ActivationLinkLifetime.TotalHours;
        CallAfter = calendar.AddBusinessDays(calendar.ToLocalDate(AccessRequest.SubmittedAt), SubmitAccessRequestHandler.ReplyWithinBusinessDays);
        return Page();
    }
}
