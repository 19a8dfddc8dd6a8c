using System.Globalization;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Accounts;

/// <summary>Keeps a person's chosen language on their account; English is stored as null, the default.</summary>
internal sealed class RememberLanguageHandler(UserManager<AimsUser> users) : IRequestHandler<RememberLanguage, bool>
{
    public async Task<bool> Handle(RememberLanguage request, CancellationToken cancellationToken)
    {
        if (PortalLanguages.Named(request.Language) is not { } language
            || await users.FindByIdAsync(request.UserId.ToString()) is not { IsStaff: false } user)
        {
            return false;
        }

        var code = language.Equals(PortalLanguages.English) ? null : language.TwoLetterISOLanguageName;
        if (user.PreferredLanguage == code)
        {
            return true;
        }

        user.PreferredLanguage = code;
        return (await users.UpdateAsync(user)).Succeeded;
    }
}

/// <summary>At sign-in, a language chosen on this browser beforehand (the cookie) becomes the account's.</summary>
internal static class SignInLanguage
{
    public static Task RememberAsync(IMediator mediator, HttpContext context, Guid userId, CancellationToken cancellationToken) =>
        context.Request.Cookies.ContainsKey(PortalLanguages.CookieName)
            ? mediator.Send(new RememberLanguage(userId, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), cancellationToken)
            : Task.CompletedTask;
}
