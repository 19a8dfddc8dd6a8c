namespace Aims.IntegrationTests.Host;

/// <summary>
/// The real host process in Production: each developer-only setting stops start-up with one line naming it and exit
/// code 1. Every test starts from passing settings and makes one unsafe.
/// </summary>
public sealed class ProductionStartupTests
{
    [TestCase("Aims__Mail__Delivery", "Folder", "Aims:Mail:Delivery is Folder, the development outbox")]
    [TestCase("Aims__Mail__SmtpHost", "", "No SMTP server is configured (Aims:Mail:SmtpHost is empty)")]
    [TestCase("Aims__TextMessages__Delivery", "Folder", "Aims:TextMessages:Delivery is Folder, the development outbox")]
    [TestCase("Aims__TextMessages__GatewayUrl", "", "No text-message gateway is configured (Aims:TextMessages:GatewayUrl is empty)")]
    [TestCase("Aims__SeedDemoData", "true", "Aims:SeedDemoData is true: it creates the demo accounts, whose password is published")]
    [TestCase("Aims__Identity__Sessions__AllowHttp", "true", "Aims:Identity:Sessions:AllowHttp is true: sign-in cookies would travel over plain HTTP")]
    [TestCase("Aims__Portal__PublicUrl", "http://aims.example.gov/", "Aims:Portal:PublicUrl is http://aims.example.gov/: links in emails must use https")]
    [TestCase("Aims__Documents__Clamd", "", "No virus scanner is configured (Aims:Documents:Clamd is empty)")]
    [TestCase("Aims__ReverseProxy__KnownProxies__0", "nginx.local", "Aims:ReverseProxy:KnownProxies contains “nginx.local”, which is not an IP address")]
    public async Task An_unsafe_production_setting_stops_start_up_with_one_line(string name, string value, string line)
    {
        var outcome = await HostProcess.RunAsync(new Dictionary<string, string>(SafeProduction()) { [name] = value });

        StartupFailureTests.ShouldFailWith(outcome, "AIMS cannot start: " + line);
    }

    [Test]
    public async Task The_explicit_opt_out_from_a_scanner_starts_and_logs_that_documents_go_unscanned()
    {
        // Past the settings, the host stops at the database (a closed port), which shows it got that far.
        var closedPort = HostProcess.FreePort();
        var settings = new Dictionary<string, string>(SafeProduction())
        {
            ["Aims__Documents__Clamd"] = "",
            ["Aims__Documents__AllowUnscanned"] = "true",
            ["ConnectionStrings__Aims"] = $"Host=127.0.0.1;Port={closedPort};Database=aims;Username=aims;Timeout=3",
        };

        var outcome = await HostProcess.RunAsync(settings);

        StartupFailureTests.ShouldFailWith(outcome, $"AIMS cannot start: Cannot reach PostgreSQL at 127.0.0.1:{closedPort}");
        outcome.Output.ShouldContain("Aims:Documents:AllowUnscanned is true and no virus scanner is configured: documents are stored and served without a virus scan.");
    }

    [Test]
    public async Task Secrets_are_read_from_files_in_the_systemd_credentials_directory()
    {
        var credentials = Directory.CreateTempSubdirectory("aims-credentials-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(credentials.FullName, "ConnectionStrings__Aims"), "Nonsense=from-a-file");
            var settings = new Dictionary<string, string>(SafeProduction()) { ["CREDENTIALS_DIRECTORY"] = credentials.FullName };
            settings.Remove("ConnectionStrings__Aims");

            var outcome = await HostProcess.RunAsync(settings);

            StartupFailureTests.ShouldFailWith(outcome, "AIMS cannot start: ConnectionStrings:Aims is not a valid PostgreSQL connection string");
        }
        finally
        {
            credentials.Delete(recursive: true);
        }
    }

    /// <summary>Production settings that pass the checks (nothing here is contacted before the database).</summary>
    internal static Dictionary<string, string> SafeProduction() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        ["ConnectionStrings__Aims"] = HostUnderTest.ConnectionString,
        ["Aims__Portal__PublicUrl"] = "https://aims.example.gov/",
        ["Aims__ReverseProxy__KnownProxies__0"] = "127.0.0.1",
        ["Aims__Mail__Delivery"] = "Smtp",
        ["Aims__Mail__SmtpHost"] = "smtp.example.gov",
        ["Aims__TextMessages__Delivery"] = "Http",
        ["Aims__TextMessages__GatewayUrl"] = "https://sms.example.gov/send",
        ["Aims__Documents__Clamd"] = "127.0.0.1:3310",
    };
}
