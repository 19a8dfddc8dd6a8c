using System.Text.RegularExpressions;

namespace Aims.IntegrationTests.Host;

internal static partial class HelpMarkup
{
    /// <summary>The page's footer (not only its header) links to Contact us.</summary>
    public static bool FooterLinksToContact(string html) => FooterContact().IsMatch(html);

    [GeneratedRegex("<footer[^>]*>(?:(?!</footer>).)*<a href=\"/contact\">", RegexOptions.Singleline)]
    private static partial Regex FooterContact();
}
