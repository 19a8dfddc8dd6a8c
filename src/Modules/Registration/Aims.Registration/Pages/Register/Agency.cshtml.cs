using Aims.BuildingBlocks.Web;
using Aims.Registration.Contracts;
using Aims.Registration.Requests;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;

namespace Aims.Registration.Pages.Register;

[AllowAnonymous]
[EnableRateLimiting(RegistrationRateLimits.Requests)]
internal sealed class AgencyModel(IMediator mediator, ILogger<AgencyModel> logger) : PageModel
{
    [BindProperty]
    public RequestForm Form { get; set; } = new();

    [BindProperty(Name = "botcheck")]
    public string? BotCheck { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (statusPath, failed) = await mediator.SendFormAsync(
            new SubmitAccessRequest(Form.AgencyType, Form.AgencyName, Form.Street, Form.City, Form.State, Form.Zip, Form.RequesterName,
                Form.Email, Form.Phone, Form.SupervisorName, Form.SupervisorPhone, Form.Mobile, Form.MayActForAgency, BotCheck),
            ModelState, nameof(Form), logger, cancellationToken);
        Failed = failed;
        if (statusPath is null)
        {
            return Page();
        }

        TempData["StatusPath"] = statusPath;
        return RedirectToPage("/Register/Received");
    }

    internal sealed class RequestForm
    {
        public AgencyType? AgencyType { get; set; }

        public string? AgencyName { get; set; }

        public string? Street { get; set; }

        public string? City { get; set; }

        public string? State { get; set; }

        public string? Zip { get; set; }

        public string? RequesterName { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? SupervisorName { get; set; }

        public string? SupervisorPhone { get; set; }

        public string? Mobile { get; set; }

        public bool MayActForAgency { get; set; }
    }
}
