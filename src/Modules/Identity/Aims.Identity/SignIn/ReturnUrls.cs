using Microsoft.AspNetCore.Mvc;

namespace Aims.Identity.SignIn;

/// <summary>
/// Where a person lands after signing in: a path on this portal, else home. <see cref="IUrlHelper.IsLocalUrl"/> refuses
/// absolute and protocol-relative (<c>//host</c>, <c>/\host</c>) addresses, so a link cannot send someone elsewhere.
/// </summary>
internal static class ReturnUrls
{
    public static string? LocalOrNull(this IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrWhiteSpace(returnUrl) && returnUrl.Length <= 2000 && url.IsLocalUrl(returnUrl) ? returnUrl : null;

    public static string AfterSignIn(this IUrlHelper url, string? returnUrl) => url.LocalOrNull(returnUrl) ?? "/";
}
