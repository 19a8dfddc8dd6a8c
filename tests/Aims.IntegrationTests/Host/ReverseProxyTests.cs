using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Aims.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// Production on a real port as nginx reaches it (docs/deploy.md): forwarded headers believed only from 127.0.0.1 (not
/// 127.0.0.2), HSTS, HTTP redirected to HTTPS, Secure cookies.
/// </summary>
public sealed class ReverseProxyTests
{
    private AimsAppFactory portal = null!;
    private Uri address = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // Production starts only on a database migrate has brought up to date (ADR 0049, amended), as a deployment does.
        var database = await TestDatabase.RecreateAsync("aims_test_integration_proxy");
        (await HostProcess.RunAsync(new Dictionary<string, string> { ["ConnectionStrings__Aims"] = database, ["ASPNETCORE_ENVIRONMENT"] = "Production" }, "migrate"))
            .ExitCode.ShouldBe(0);
        portal = new AimsAppFactory(database, settings: new Dictionary<string, string?>
        {
            ["Aims:Identity:Sessions:AllowHttp"] = "false",
            ["Aims:Portal:PublicUrl"] = "https://aims.example.gov/",
            ["Aims:ReverseProxy:KnownProxies:0"] = "127.0.0.1",
            ["Aims:Mail:SmtpHost"] = "smtp.example.gov",
            ["Aims:TextMessages:GatewayUrl"] = "https://sms.example.gov/send",
            ["Aims:Documents:AllowUnscanned"] = "true",
        }, environment: "Production");
        portal.UseKestrel(0);
        portal.StartServer();
        var listening = new Uri(portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        address = new Uri($"http://127.0.0.1:{listening.Port}/");
    }

    [OneTimeTearDown]
    public ValueTask StopAsync() => portal.DisposeAsync();

    [Test]
    public async Task Through_the_proxy_over_https_pages_answer_with_hsts_and_only_secure_cookies()
    {
        var response = await SendAsync("/account/sign-in", from: "127.0.0.1", forwardedProto: "https");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").ShouldBe(["max-age=31536000"]);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldContain(c => c.StartsWith("__Host-aims.antiforgery=", StringComparison.Ordinal));
        cookies.ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Test]
    public async Task Plain_http_is_redirected_to_https_not_answered_500()
    {
        var response = await SendAsync("/account/sign-in?x=1", from: "127.0.0.1", forwardedProto: null);

        ((int)response.StatusCode).ShouldBe(307);
        response.Headers.Location!.ToString().ShouldBe("https://aims.example.gov/account/sign-in?x=1");
    }

    [Test]
    public async Task Forwarded_headers_from_an_address_that_is_not_the_proxy_are_ignored()
    {
        var response = await SendAsync("/account/sign-in", from: "127.0.0.2", forwardedProto: "https");

        ((int)response.StatusCode).ShouldBe(307, "the claim of HTTPS from a stranger is ignored: the request is plain HTTP");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Test]
    public async Task Health_is_answered_over_plain_http_for_probes_and_names_each_check()
    {
        var response = await SendAsync("/health/ready", from: "127.0.0.1", forwardedProto: null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        report.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        report.RootElement.GetProperty("checks").GetProperty("virus-scanner").GetProperty("description").GetString()
            .ShouldBe("No virus scanner is configured: documents are stored and served unscanned.");
    }

    /// <summary>One request to the portal's port from a chosen loopback address, as a browser's page load through nginx would be.</summary>
    private async Task<HttpResponseMessage> SendAsync(string path, string from, string? forwardedProto)
    {
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, path));
        // What nginx sends: the public host name, and how the browser connected.
        request.Headers.Host = "aims.example.gov";
        request.Headers.Accept.ParseAdd("text/html");
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
