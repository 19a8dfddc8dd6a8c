using Aims.Notifications.Sending;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aims.Notifications.Pages.Dev;

/// <summary>
/// Development only: the emails and texts "sent" to the local folder, so a newcomer can read a sign-in code. Anywhere
/// else, or from another machine, a 404: it shows everyone's codes.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
internal sealed class OutboxModel(IWebHostEnvironment environment, IOptions<MailOptions> mail) : PageModel
{
    public IReadOnlyList<(string Name, DateTime Written, string Content)> Emails { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment() || mail.Value.Delivery != MailDelivery.Folder
            || HttpContext.Connection.RemoteIpAddress is not { } from || !System.Net.IPAddress.IsLoopback(from.IsIPv4MappedToIPv6 ? from.MapToIPv4() : from))
        {
            return NotFound();
        }

        var folder = new DirectoryInfo(mail.Value.Folder);
        Emails = folder.Exists
            ? folder.GetFiles("*.eml").Concat(folder.GetFiles("*.sms.json")).OrderByDescending(f => f.LastWriteTimeUtc).Take(50)
                .Select(f => (f.Name, f.LastWriteTimeUtc, System.IO.File.ReadAllText(f.FullName))).ToList()
            : [];
        return Page();
    }
}
