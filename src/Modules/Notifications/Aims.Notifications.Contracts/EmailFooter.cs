using Aims.BuildingBlocks.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aims.Notifications.Contracts;

/// <summary>
/// The closing lines every module's emails carry, in the current language (ADR 0022); their Spanish is in
/// Resources/EmailFooter.es.resx. Static, so a module words an email without asking for a localizer.
/// </summary>
public static class EmailFooter
{
    private static readonly IStringLocalizer T = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(EmailFooter));

    /// <summary>The footer of a plain-text body (the HTML notices set the same <see cref="Helpline"/> and <see cref="Department"/>).</summary>
    public static string Text(ContactOptions contact) => $"\n\n{Helpline(contact)}\n{Department}";

    public static string Helpline(ContactOptions contact) => T["Questions? Call the AIMS helpline at {0}.", contact.HelplinePhone];

    public static string Department => T["Virginia Department of Medical Assistance Services — Appeals Division"];
}
