using Aims.Identity.Accounts;
using Aims.Identity.Contracts;
using Aims.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// A real host on its own database with a test clock (Wolverine delivers what it queues); mail goes to the fixture's SMTP
/// server. Each test uses its own addresses, so lockouts never leak between tests.
/// </summary>
public abstract class PortalTest(string database)
{
    /// <summary>Monday 23 November 2026, 9:00 Eastern.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    protected const string Password = "Harbor-Lantern-48!";

    protected ManualTimeProvider Clock { get; } = new(Start);

    protected AimsAppFactory Portal { get; private set; } = null!;

    protected string ConnectionString { get; private set; } = "";

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The SMTP server this fixture's portal sends its mail to.</summary>
    protected SmtpTestServer Smtp { get; } = new();

    [OneTimeSetUp]
    public async Task StartPortalAsync()
    {
        ConnectionString = await TestDatabase.RecreateAsync(database);
        var settings = new Dictionary<string, string?>(Smtp.MailSettings);
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        Portal = new AimsAppFactory(ConnectionString, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureServices(services);
        }, settings);
        _ = Portal.Services;
    }

    /// <summary>For a fixture that replaces a service (one that fails on purpose, say).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [OneTimeTearDown]
    public async Task StopPortalAsync()
    {
        await Portal.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    [SetUp]
    public void ResetClock() => Clock.SetUtcNow(Start);

    protected FormClient NewBrowser() => FormClient.For(Portal);

    /// <summary>A confirmed account, as sign-up and confirmation (or an administrator) would leave it.</summary>
    protected async Task<Guid> CreateAccountAsync(string email, Role role = Role.ProviderUser, bool staff = false, string? verifiedMobile = null)
    {
        using var scope = Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AimsUser>>();
        var user = new AimsUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Test " + role,
            IsStaff = staff,
            CreatedAt = Clock.GetUtcNow(),
            PhoneNumber = verifiedMobile,
            PhoneNumberConfirmed = verifiedMobile is not null,
        };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role.ToString())).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    private protected async Task<AimsUser> AccountAsync(string email)
    {
        using var scope = Portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AimsUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>The emails someone received through SMTP, oldest first (what was queued for them is sent first).</summary>
    protected Task<IReadOnlyList<OutboxReader.Email>> EmailsToAsync(string email) => DeliveredMail.ToAsync(Portal.Services, ConnectionString, Smtp, email);
}
