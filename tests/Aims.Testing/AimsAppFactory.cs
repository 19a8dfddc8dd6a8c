using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aims.Testing;

/// <summary>
/// The real host on a test database, over plain http on 127.0.0.1; tests may replace services such as the clock. The
/// rate limits are out of the way unless a test sets them (<see cref="TestDefaults"/>, then <paramref name="settings"/>).
/// </summary>
public sealed class AimsAppFactory(
    string connectionString,
    Action<IServiceCollection>? configureServices = null,
    IReadOnlyDictionary<string, string?>? settings = null,
    string environment = "Testing")
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Aims", connectionString);
        // Production refuses the development outbox at start; its fixtures name an SMTP host instead.
        var defaults = environment == Environments.Production ? TestDefaults : TestDefaults.Concat(FolderDelivery);
        foreach (var (key, value) in defaults.Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }

    // Before FolderDelivery, which reads it: static fields start in the order written.
    private static readonly string TestOutbox = Path.Combine(Path.GetTempPath(), $"aims-test-outbox-{Environment.ProcessId}");

    public static readonly IReadOnlyDictionary<string, string?> TestDefaults = new Dictionary<string, string?>
    {
        ["Aims:Identity:Sessions:AllowHttp"] = "true",
        ["Aims:Portal:PublicUrl"] = "http://127.0.0.1/",
        ["Aims:RateLimits:SignIn:PermitLimit"] = "100000",
        ["Aims:RateLimits:Codes:PermitLimit"] = "100000",
        ["Aims:RateLimits:SignUp:PermitLimit"] = "100000",
        ["Aims:RateLimits:PasswordReset:PermitLimit"] = "100000",
        ["Aims:RateLimits:Registration:PermitLimit"] = "100000",
    };

    // Wolverine sends every queued email and text (ADR 0047): without a server of its own, a test host writes them
    // to a folder rather than retrying a mail server that is not there. Tests that read delivered mail set SMTP.
    private static readonly IReadOnlyDictionary<string, string?> FolderDelivery = new Dictionary<string, string?>
    {
        ["Aims:Mail:Delivery"] = "Folder",
        ["Aims:Mail:Folder"] = TestOutbox,
        ["Aims:TextMessages:Delivery"] = "Folder",
        ["Aims:TextMessages:Folder"] = TestOutbox,
    };
}
