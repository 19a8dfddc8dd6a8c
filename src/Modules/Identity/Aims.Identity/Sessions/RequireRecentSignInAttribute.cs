using System.Security.Claims;
using Aims.Identity.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Identity.Sessions;

/// <summary>
/// Sign-in settings (passkeys, mobile, email, API tokens) need a sign-in or password confirmation within 15 minutes, so
/// a session left open on a shared computer cannot take the account over.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class RequireRecentSignInAttribute : Attribute, IAsyncPageFilter
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static bool IsRecent(ClaimsPrincipal user, DateTimeOffset now)
    {
        var latest = new[] { AimsClaims.SignedInAt, AimsClaims.PasswordConfirmedAt }
            .Select(type => SessionCookies.MomentOf(user, type))
            .Max();
        return latest is not null && latest.Value + Window > now;
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (IsRecent(context.HttpContext.User, now))
        {
            return next();
        }

        var request = context.HttpContext.Request;
        context.Result = new RedirectToPageResult("/Account/ConfirmPassword", new { returnUrl = request.Path.Value });
        return Task.CompletedTask;
    }
}
