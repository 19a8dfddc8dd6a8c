using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Testing;

/// <summary>
/// The real host (Program.cs) on a test database; tests may replace services such as the clock. Test hosts serve
/// plain http on 127.0.0.1, so session cookies follow the request's scheme, and the rate limits are out of the way
/// unless a test sets them (<see cref="TestDefaults"/>, overridden by <paramref name="settings"/>).
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
        foreach (var (key, value) in TestDefaults.Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }

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
}
