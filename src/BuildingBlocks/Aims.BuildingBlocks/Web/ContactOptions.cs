namespace Aims.BuildingBlocks.Web;

/// <summary>
/// The portal's contact points for every page and email: 804-486-2865 is the AIMS helpline and 804-371-8488 the
/// Appeals Division, as on the MES pages (the seeds once label them the other way; docs/help.md).
/// </summary>
public sealed class ContactOptions
{
    public const string Section = "Aims:Contact";

    /// <summary>Registration, sign-in and technical help; also the number to call when registering fails.</summary>
    public string HelplinePhone { get; set; } = "804-486-2865";

    /// <summary>Questions about an appeal.</summary>
    public string AppealsDivisionPhone { get; set; } = "804-371-8488";

    /// <summary>General sign-in questions: the MES portal's help mailbox, as the sign-in material names it.</summary>
    public string HelpMailbox { get; set; } = "MES-Assist@dmas.virginia.gov";

    /// <summary>
    /// The training material's advice when registering fails ("please retry after 5 minutes"): registration, sign-up,
    /// filing and the outage page say to retry after this many minutes, then call the helpline.
    /// </summary>
    public int RetryAfterMinutes { get; set; } = 5;

    public static string TelephoneLink(string phone) => "tel:+1" + new string(phone.Where(char.IsAsciiDigit).ToArray());
}
