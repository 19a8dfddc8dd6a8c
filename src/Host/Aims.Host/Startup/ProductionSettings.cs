using Aims.BuildingBlocks.Web;
using Aims.Notifications;

namespace Aims.Host.Startup;

/// <summary>
/// In Production, a setting safe only on a developer's machine stops start-up with one line naming it and what to set
/// instead (ADR 0033), before anything connects.
/// </summary>
internal static class ProductionSettings
{
    /// <returns>Warnings for deliberate opt-outs, to be logged once the host can log.</returns>
    public static IReadOnlyList<string> Check(IConfiguration configuration)
    {
        // The sending settings are the Notifications module's (ADR 0051); it names what it cannot send with.
        if (NotificationsModule.UnsafeInProduction(configuration).FirstOrDefault() is { } sending)
        {
            throw new StartupException(sending);
        }

        Refuse(configuration.GetValue<bool>("Aims:SeedDemoData"),
            "Aims:SeedDemoData is true: it creates the demo accounts, whose password is published in the README. Set Aims__SeedDemoData=false.");
        Refuse(configuration.GetValue<bool>("Aims:Identity:Sessions:AllowHttp"),
            "Aims:Identity:Sessions:AllowHttp is true: sign-in cookies would travel over plain HTTP. Remove it and serve the portal through TLS (docs/deploy.md).");
        var publicUrl = configuration.GetValue<Uri>($"{PortalOptions.Section}:PublicUrl");
        Refuse(publicUrl is not null && publicUrl.Scheme != Uri.UriSchemeHttps,
            $"Aims:Portal:PublicUrl is {publicUrl}: links in emails must use https. Set Aims__Portal__PublicUrl to the portal's https address.");

        var scanner = configuration.GetValue<string>("Aims:Documents:Clamd");
        var allowUnscanned = configuration.GetValue<bool>("Aims:Documents:AllowUnscanned");
        Refuse(string.IsNullOrWhiteSpace(scanner) && !allowUnscanned,
            "No virus scanner is configured (Aims:Documents:Clamd is empty): set Aims__Documents__Clamd to clamd's host:port (docs/deploy.md), or Aims__Documents__AllowUnscanned=true to accept documents unscanned.");
        return string.IsNullOrWhiteSpace(scanner)
            ? ["Aims:Documents:AllowUnscanned is true and no virus scanner is configured: documents are stored and served without a virus scan."]
            : [];
    }

    private static void Refuse(bool unsafeSetting, string line)
    {
        if (unsafeSetting)
        {
            throw new StartupException(line);
        }
    }
}
