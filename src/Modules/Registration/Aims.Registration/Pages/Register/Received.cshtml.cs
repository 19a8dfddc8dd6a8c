using Aims.BuildingBlocks.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Aims.Registration.Pages.Register;

/// <summary>The confirmation after an access request: pending, a reply by email, and whom to call after 2 business days.</summary>
[AllowAnonymous]
internal sealed class ReceivedModel(IOptions<ContactOptions> contact) : PageModel
{
    public string Helpline => contact.Value.HelplinePhone;

    public string? StatusPath { get; private set; }

    public void OnGet() => StatusPath = TempData["StatusPath"] as string;
}
