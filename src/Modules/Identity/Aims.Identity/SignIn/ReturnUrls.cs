using Microsoft.AspNetCore.Mvc;

namespace Aims.Identity.SignIn;

/// <summary>
/// Where a person lands after signing in: the page they asked for when it is a path on this portal, otherwise the home
/// page. The framework's own test (<see cref="IUrlHelper.IsLocalUrl"/>) refuses absolute addresses and the
/// protocol-relative <c>//host</c> and <c>/\host</c> forms, so a link cannot send someone elsewhere once signed in.
/// </summary>
internal static class ReturnUrls
{
    public static string? LocalOrNull(this IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrWhiteSpace(returnUrl) && returnUrl.Length <= 2000 && url.IsLocalUrl(returnUrl) ? returnUrl : null;

    public static string AfterSignIn(this IUrlHelper url, string? returnUrl) => url.LocalOrNull(returnUrl) ?? "/";
}
