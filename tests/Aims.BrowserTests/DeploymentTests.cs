using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Aims.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// docs/deploy.md's deployment: Production on plain HTTP behind Debian's nginx with the documented configuration and a
/// self-signed certificate; a person signs in over TLS.
/// </summary>
public sealed partial class DeploymentTests : BrowserTest
{
    private const string Nginx = "/usr/sbin/nginx";
    private const string Email = "mcouser@demo.aims.example";

    private readonly DirectoryInfo folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "aims-nginx-" + Guid.NewGuid().ToString("N")));
    private AimsAppFactory? portal;
    private Process? nginx;
    private int httpsPort;
    private int httpPort;

    protected override string BaseUrl => $"https://127.0.0.1:{httpsPort}";

    protected override bool TrustsSelfSignedCertificate => true;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(Nginx))
        {
            Assert.Fail($"{Nginx} is missing: install nginx (./build.sh test does).");
        }

        // The demo portal's database has the demo accounts; production refuses to seed them, so it reuses them.
        await DemoPortal.StartAsync();
        httpsPort = FreePort();
        httpPort = FreePort();
        portal = new AimsAppFactory(DemoPortal.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Aims:Identity:Sessions:AllowHttp"] = "false",
            ["Aims:Portal:PublicUrl"] = $"{BaseUrl}/",
            ["Aims:ReverseProxy:KnownProxies:0"] = "127.0.0.1",
            ["Aims:Mail:SmtpHost"] = "smtp.example.gov",
            ["Aims:TextMessages:GatewayUrl"] = "https://sms.example.gov/send",
            ["Aims:Documents:AllowUnscanned"] = "true",
        }, environment: "Production");
        portal.UseKestrel(0);
        portal.StartServer();
        // By IPv4 address: the portal believes forwarded headers from 127.0.0.1 only.
        var upstream = $"http://127.0.0.1:{Port(portal)}";

        await WriteCertificateAsync();
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "aims.conf"), SiteFromDeployGuide(upstream));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{folder.FullName}}/nginx.pid;
            error_log {{folder.FullName}}/error.log;
            events { worker_connections 64; }
            http {
                access_log {{folder.FullName}}/access.log;
                client_body_temp_path {{folder.FullName}}/body;
                proxy_temp_path {{folder.FullName}}/proxy;
                fastcgi_temp_path {{folder.FullName}}/fastcgi;
                uwsgi_temp_path {{folder.FullName}}/uwsgi;
                scgi_temp_path {{folder.FullName}}/scgi;
                include {{folder.FullName}}/aims.conf;
            }
            """);
        nginx = Process.Start(new ProcessStartInfo(Nginx, ["-p", folder.FullName, "-c", Path.Combine(folder.FullName, "nginx.conf")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        nginx.OutputDataReceived += (_, _) => { };
        nginx.ErrorDataReceived += (_, _) => { };
        nginx.BeginOutputReadLine();
        nginx.BeginErrorReadLine();
        for (var waited = 0; !await AnswersAsync(httpsPort); waited++)
        {
            if (nginx.HasExited || waited > 100)
            {
                var log = Path.Combine(folder.FullName, "error.log");
                Assert.Fail($"nginx did not start: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "no log")}");
            }

            await Task.Delay(100);
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (nginx is { HasExited: false })
        {
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
        }

        nginx?.Dispose();
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }

        folder.Delete(recursive: true);
    }

    [Test]
    public async Task A_person_signs_in_through_nginx_over_tls_and_every_cookie_the_portal_sets_is_secure()
    {
        var setCookies = new List<Task<IReadOnlyList<string>>>();
        Page.Response += (_, response) => setCookies.Add(response.HeaderValuesAsync("set-cookie"));

        await Page.GotoAsync("/account/sign-in");
        await Page.GetByLabel("Email address").FillAsync(Email);
        await Page.GetByLabel("Password").FillAsync(DemoPortal.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/account/code?via=email");
        // A new code: its notice travels in the TempData cookie, which must be Secure too.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send a new code" }).ClickAsync();
        await Page.GetByText("We sent a new code").WaitForAsync();
        await Page.GetByLabel("One-time code").FillAsync(await PortalSignIn.LatestCodeAsync(DemoPortal.ConnectionString, Email));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Page.WaitForURLAsync(BaseUrl + "/", new() { Timeout = 60_000 });

        (await Page.Locator("main").InnerTextAsync()).ShouldNotContain("Sign in to AIMS");
        var cookies = (await Task.WhenAll(setCookies)).SelectMany(lines => lines).SelectMany(line => line.Split('\n')).ToList();
        cookies.ShouldContain(c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal), string.Join("\n", cookies));
        cookies.ShouldContain(c => c.StartsWith("__Host-aims.session=", StringComparison.Ordinal), string.Join("\n", cookies));
        cookies.ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        (await Page.Context.CookiesAsync()).ShouldAllBe(c => c.Secure);
    }

    [Test]
    public async Task Plain_http_to_nginx_is_redirected_to_https()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var response = await client.GetAsync($"http://127.0.0.1:{httpPort}/account/sign-in");

        response.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.ToString().ShouldBe("https://127.0.0.1/account/sign-in");
    }

    /// <summary>The nginx block of docs/deploy.md with this machine's ports, certificate and upstream in place of the guide's.</summary>
    private string SiteFromDeployGuide(string upstream)
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root(), "docs", "deploy.md"));
        var site = NginxBlock().Match(guide) is { Success: true } block ? block.Groups[1].Value : throw new InvalidOperationException("docs/deploy.md has no ```nginx block.");
        string Replace(string text, string what, string with) =>
            text.Contains(what, StringComparison.Ordinal) ? text.Replace(what, with, StringComparison.Ordinal) : throw new InvalidOperationException($"docs/deploy.md's nginx block no longer has “{what}”.");
        site = Replace(site, "listen 80;", $"listen 127.0.0.1:{httpPort};");
        site = Replace(site, "listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;");
        site = Replace(site, "/etc/ssl/aims/", folder.FullName + "/");
        site = Replace(site, "http://127.0.0.1:5000", upstream);
        // This machine may have no IPv6; the guide's IPv6 listeners are the same as the IPv4 ones.
        return string.Join('\n', site.Split('\n').Where(line => !line.TrimStart().StartsWith("listen [::]", StringComparison.Ordinal)));
    }

    private async Task WriteCertificateAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "fullchain.pem"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "privkey.pem"), key.ExportPkcs8PrivateKeyPem());
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int Port(AimsAppFactory factory) =>
        new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("+", "127.0.0.1", StringComparison.Ordinal)).Port;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"```nginx\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();
}
