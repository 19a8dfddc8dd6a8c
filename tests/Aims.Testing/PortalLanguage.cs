using System.Net;

namespace Aims.Testing;

/// <summary>Choosing a language the way a person does: the header's switch, which this browser then remembers.</summary>
public static class PortalLanguage
{
    public static async Task ChooseLanguageAsync(this FormClient client, string language)
    {
        var switched = await client.PostAsync("/", [new("language", language), new("returnUrl", "/")], action: "/language");
        if (switched.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The language switch answered {switched.Status}.");
        }
    }

    /// <summary>The text with the non-breaking spaces Spanish times are written with ("9:30 a. m.") as plain ones.</summary>
    public static string Spaced(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');
}
