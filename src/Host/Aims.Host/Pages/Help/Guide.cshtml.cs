using Aims.Host.Help;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Host.Pages.Help;

/// <summary>One user guide from the catalogue (HelpGuides): its steps, each with the screenshot the browser tests took.</summary>
[AllowAnonymous]
internal sealed class GuideModel : PageModel
{
    public Guide Guide { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (HelpGuides.Find(slug) is not { } guide)
        {
            return NotFound();
        }

        Guide = guide;
        return Page();
    }
}
