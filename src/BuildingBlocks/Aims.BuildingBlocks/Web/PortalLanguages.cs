using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.BuildingBlocks.Web;

/// <summary>
/// English (in the code, the default) and Spanish (<c>Resources/*.es.resx</c>, keyed by the English), chosen by a cookie
/// that outlives sign-out (ADR 0022). The division's own screens and the API stay in English.
/// </summary>
public static class PortalLanguages
{
    public const string CookieName = ".AIMS.Language";

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-US");

    public static IReadOnlyList<CultureInfo> All { get; } = [English, Spanish];

    private static readonly string[] EnglishOnly = ["/staff", "/admin", "/api", "/dev"];

    /// <summary>The supported language named by a two-letter code ("en", "es"), or null.</summary>
    public static CultureInfo? Named(string? code) =>
        All.FirstOrDefault(c => string.Equals(c.TwoLetterISOLanguageName, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>True where the page is the division's own or machine-facing, which stay English whatever the cookie says.</summary>
    public static bool IsEnglishOnly(PathString path) => EnglishOnly.Any(prefix => path.StartsWithSegments(prefix));

    /// <summary>The localizers, and the building blocks' own words (field rules) for the shared partials.</summary>
    public static IServiceCollection AddPortalLanguages(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddPortalText<BuildingBlocksText>();
        return services;
    }

    /// <summary>
    /// Writes in <paramref name="language"/> until disposed (English when null): for text composed away from a
    /// request, such as an email to someone whose language is remembered on their account.
    /// </summary>
    public static IDisposable Use(CultureInfo? language) => new LanguageScope(language ?? English);

    /// <summary>Remembers <paramref name="language"/> for a year on this browser.</summary>
    public static void Remember(HttpContext context, CultureInfo language) =>
        context.Response.Cookies.Append(
            CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });

    private sealed class LanguageScope : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public LanguageScope(CultureInfo language)
        {
            CultureInfo.CurrentCulture = language;
            CultureInfo.CurrentUICulture = language;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
