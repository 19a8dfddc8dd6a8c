using System.Net;
using Aims.Identity.Audit;
using Aims.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Identity;

/// <summary>The account audit trail: what, when, from where; each user sees their own, administrators all.</summary>
public sealed class SecurityAuditTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider clock = new(Start);
    private AimsAppFactory factory = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        factory = new AimsAppFactory(await TestDatabase.RecreateAsync("aims_test_audit"), services => services.AddSingleton<TimeProvider>(clock));

    [OneTimeTearDown]
    public ValueTask StopAsync() => factory.DisposeAsync();

    [Test]
    public async Task An_event_records_time_ip_and_user_agent_and_users_see_only_their_own_newest_first()
    {
        var alex = Guid.NewGuid();
        var blair = Guid.NewGuid();
        await RecordAsync(SecurityEventKind.SignInFailed, alex, "Alex@Provider.example");
        clock.Advance(TimeSpan.FromMinutes(1));
        await RecordAsync(SecurityEventKind.SignInSucceeded, alex, "alex@provider.example");
        clock.Advance(TimeSpan.FromMinutes(1));
        await RecordAsync(SecurityEventKind.PasswordChanged, blair, "blair@provider.example");
        await RecordAsync(SecurityEventKind.LockedOut, null, "nobody@unknown.example");

        await using var scope = factory.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<SecurityAudit>();
        var own = await audit.ForUserAsync(alex, 1, 50, CancellationToken.None);
        var everyone = await audit.EveryoneAsync(1, 50, CancellationToken.None);

        own.Select(e => e.Kind).ShouldBe([SecurityEventKind.SignInSucceeded, SecurityEventKind.SignInFailed]);
        own[0].OccurredAt.ShouldBe(Start.AddMinutes(1));
        own[0].IpAddress.ShouldBe("203.0.113.7");
        own[0].UserAgent.ShouldBe("Mozilla/5.0 (X11; Linux x86_64) AIMS-test");
        own[1].NormalizedEmail.ShouldBe("ALEX@PROVIDER.EXAMPLE");
        everyone.Count.ShouldBeGreaterThanOrEqualTo(4);
        everyone.ShouldContain(e => e.Kind == SecurityEventKind.LockedOut && e.UserId == null);
    }

    private async Task RecordAsync(SecurityEventKind kind, Guid? user, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        context.Request.Headers.UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AIMS-test";
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
        await scope.ServiceProvider.GetRequiredService<SecurityAudit>().RecordAsync(kind, user, email, detail: null, CancellationToken.None);
    }
}
