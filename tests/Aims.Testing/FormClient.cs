using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Aims.Testing;

/// <summary>
/// A person's browser without the browser: keeps cookies, does not follow redirects (tests look at them), and posts
/// forms the way a page does — with the antiforgery token from the page it was shown.
/// </summary>
public sealed partial class FormClient(HttpClient http) : IDisposable
{
    public static FormClient For<T>(WebApplicationFactory<T> factory)
        where T : class =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public HttpClient Http => http;

    public async Task<Page> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await http.SendAsync(request);
        return await Page.ReadAsync(response);
    }

    /// <summary>Shows <paramref name="page"/> first (for its token), then posts <paramref name="fields"/> to it or to <paramref name="action"/>.</summary>
    public async Task<Page> PostAsync(string page, IEnumerable<KeyValuePair<string, string?>> fields, string? action = null)
    {
        var shown = await GetAsync(page);
        var token = shown.AntiforgeryToken ?? throw new InvalidOperationException($"{page} has no form with an antiforgery token (status {(int)shown.Status}).");
        return await PostWithTokenAsync(action ?? page, fields, token);
    }

    public async Task<Page> PostWithTokenAsync(string action, IEnumerable<KeyValuePair<string, string?>> fields, string? token)
    {
        var form = fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)).ToList();
        if (token is not null)
        {
            form.Add(new("__RequestVerificationToken", token));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await http.SendAsync(request);
        return await Page.ReadAsync(response);
    }

    /// <summary>Sends a request built by the test (a multipart upload, say) as a browser would, and reads the page it gets.</summary>
    public async Task<Page> SendAsync(HttpRequestMessage request)
    {
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await http.SendAsync(request);
        return await Page.ReadAsync(response);
    }

    public void Dispose() => http.Dispose();

    public sealed record Page(HttpStatusCode Status, string? Location, string Html, IReadOnlyDictionary<string, string> Headers)
    {
        public string? AntiforgeryToken => TokenInput().Match(Html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

        /// <summary>The page's text with tags removed and entities decoded, for asserting what a person reads.</summary>
        public string Text => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Html, " ")), " ");

        internal static async Task<Page> ReadAsync(HttpResponseMessage response) => new(
            response.StatusCode,
            response.Headers.Location?.OriginalString,
            await response.Content.ReadAsStringAsync(),
            response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
