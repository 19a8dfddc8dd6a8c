using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Host.Pages;

/// <summary>
/// The friendly page for every error a browser sees, reached by re-execution for any method (so no antiforgery).
/// It reads only what cannot fail: the status and the correlation id.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
internal sealed class ErrorModel(OperationContext operation, IOptions<ContactOptions> contact, IStringLocalizer<HostText> t) : PageModel
{
    public int Status { get; private set; }

    public string CorrelationId { get; private set; } = "";

    public (string Title, string Message) Text => Status switch
    {
        404 => (t["Page not found"], t["We could not find that page. Check the address, or go back to the home page."]),
        403 => (t["Not allowed"], t["Your account does not have access to this page."]),
        409 => (t["This changed"], t["Someone else changed this record, or the action is not allowed right now. Reload the page and try again."]),
        429 => (t["Too many requests"], t["You have tried too many times. Wait a few minutes and try again."]),
        503 => (t["Temporarily unavailable"], t["The portal cannot reach its records right now. Please retry after {0} minutes; if it still fails, call the AIMS helpline.", contact.Value.RetryAfterMinutes]),
        >= 400 and < 500 => (t["Something was wrong with the request"], t["Go back and try again."]),
        _ => (t["Something went wrong"], t["The portal could not finish your request. Try again; if it keeps happening, call the helpline and give this reference."]),
    };

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        // The query string is the client's to change: only an error status is taken from it.
        Status = status is >= 400 and <= 599 ? status.Value : Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : 500;
        Response.StatusCode = Status;
        CorrelationId = operation.CorrelationId;
    }
}
