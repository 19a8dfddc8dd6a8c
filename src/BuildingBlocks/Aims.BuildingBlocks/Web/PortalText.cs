using System.Globalization;
using Aims.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Aims.BuildingBlocks.Web;

/// <summary>One assembly's resource file, named by its marker class (ADR 0022), that <see cref="PortalText"/> searches.</summary>
public sealed record PortalTextSource(Type Marker);

/// <summary>
/// Translates a message whose module the showing code cannot know (the shared form partials); validators stay English,
/// so the API's problem details do too.
/// </summary>
public sealed class PortalText(IStringLocalizerFactory factory, IEnumerable<PortalTextSource> sources)
{
    private readonly IStringLocalizer[] localizers = [.. sources.Select(s => factory.Create(s.Marker))];

    /// <summary>The reader's language's words for <paramref name="english"/>, or the English when no resource file has them.</summary>
    public string this[string english]
    {
        get
        {
            if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en")
            {
                return english;
            }

            foreach (var localizer in localizers)
            {
                var found = localizer[english];
                if (!found.ResourceNotFound)
                {
                    return found.Value;
                }
            }

            return english;
        }
    }

    /// <summary>A refusal of the rules in the reader's language, with its dates and values written for them (ADR 0028).</summary>
    public string Refusal(RuleViolationException refused) => refused.In(english => this[english]);
}

public static class PortalRefusals
{
    /// <summary>
    /// The refusal as the reader of <paramref name="page"/> reads it: Spanish on a Spanish page, the English message on
    /// staff pages and wherever the request is English. Pages show this; the API's problem details keep the message.
    /// </summary>
    public static string On(this RuleViolationException refused, HttpContext page) => page.RequestServices.GetRequiredService<PortalText>().Refusal(refused);
}

public static class PortalTextRegistration
{
    /// <summary>Lets the shared partials find messages in <typeparamref name="TMarker"/>'s resource file.</summary>
    public static IServiceCollection AddPortalText<TMarker>(this IServiceCollection services)
    {
        services.TryAddSingleton<PortalText>();
        services.AddSingleton(new PortalTextSource(typeof(TMarker)));
        return services;
    }
}
