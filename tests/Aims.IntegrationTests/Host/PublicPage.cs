using Aims.Testing;

namespace Aims.IntegrationTests.Host;

/// <summary>A public page as someone signed out reads it on the shared host, in English or in the language they chose.</summary>
internal static class PublicPage
{
    public static async Task<string> TextAsync(string path, string? language = null)
    {
        using var browser = FormClient.For(HostUnderTest.Portal);
        if (language is not null)
        {
            await browser.ChooseLanguageAsync(language);
        }

        return (await browser.GetAsync(path)).Text;
    }
}
