using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Aims.BuildingBlocks.Web;

/// <summary>One assembly's resource file, named by its marker class (ADR 0022), that <see cref="PortalText"/> searches.</summary>
public sealed record PortalTextSource(Type Marker);

/// <summary>
/// Puts a message into the reader's language when the code that shows it cannot know which module wrote it: the shared
/// form partials show validation and handler messages from every module's validators, written in English (the English
/// is the key, as everywhere). The validators stay as they are, so the API's problem details stay English.
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
