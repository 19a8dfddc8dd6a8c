using Aims.Identity.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Aims.Identity.Sessions;

/// <summary>After a temporary password, no page but the password change (and signing out) opens until it is changed.</summary>
internal sealed class ForcedPasswordChangeFilter : IAsyncPageFilter
{
    private static readonly string[] Allowed = ["/Account/ChangePassword", "/Account/SignOut", "/Error"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.HasClaim(AimsClaims.MustChangePassword, "true")
            && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.OrdinalIgnoreCase))
        {
            context.Result = new RedirectToPageResult("/Account/ChangePassword");
            return Task.CompletedTask;
        }

        return next();
    }
}
