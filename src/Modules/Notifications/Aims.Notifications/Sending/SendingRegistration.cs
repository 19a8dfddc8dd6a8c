using Aims.Notifications.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aims.Notifications.Sending;

/// <summary>Emails and texts: queued through the port other modules call, sent from Wolverine's sending queue (ADR 0047, 0051).</summary>
internal static class SendingRegistration
{
    public static IServiceCollection AddSending(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section))
            .PostConfigure<IServiceProvider>((mail, provider) => mail.Folder = InContentRoot(mail.Folder, provider));
        services.AddOptions<TextMessageOptions>().Bind(configuration.GetSection(TextMessageOptions.Section))
            .PostConfigure<IServiceProvider>((text, provider) => text.Folder = InContentRoot(text.Folder, provider));
        services.AddHttpClient(SendTextMessageHandler.ClientName);
        services.AddScoped<OutgoingLog>();
        services.AddScoped<IOutgoingMail, OutgoingMail>();
        services.AddScoped<IOutgoingTextMessages, OutgoingTextMessages>();
        return services;
    }

    /// <summary>The development outbox's settings, which Production refuses at start with these lines (ADR 0033).</summary>
    public static IEnumerable<string> UnsafeInProduction(IConfiguration configuration)
    {
        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        var texts = configuration.GetSection(TextMessageOptions.Section).Get<TextMessageOptions>() ?? new TextMessageOptions();
        if (mail.Delivery == MailDelivery.Folder)
        {
            yield return "Aims:Mail:Delivery is Folder, the development outbox (emails would be written to disk, never sent): set Aims__Mail__Delivery=Smtp and Aims__Mail__SmtpHost.";
        }

        if (string.IsNullOrWhiteSpace(mail.SmtpHost))
        {
            yield return "No SMTP server is configured (Aims:Mail:SmtpHost is empty), so no one could receive a sign-in code: set Aims__Mail__SmtpHost (and Aims__Mail__SmtpUserName, Aims__Mail__SmtpPassword).";
        }

        if (texts.Delivery == TextMessageDelivery.Folder)
        {
            yield return "Aims:TextMessages:Delivery is Folder, the development outbox (text messages would be written to disk, never sent): set Aims__TextMessages__Delivery=Http and Aims__TextMessages__GatewayUrl.";
        }

        if (string.IsNullOrWhiteSpace(texts.GatewayUrl))
        {
            yield return "No text-message gateway is configured (Aims:TextMessages:GatewayUrl is empty): set Aims__TextMessages__GatewayUrl and Aims__TextMessages__GatewayApiKey.";
        }
    }

    // A relative folder (development) is relative to the host's content root, wherever the host was started from.
    private static string InContentRoot(string folder, IServiceProvider provider) =>
        provider.GetService<IHostEnvironment>()?.ContentRootPath is { } root && Path.IsPathFullyQualified(root) ? Path.GetFullPath(folder, root) : folder;
}
