using Aims.Appeals;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Web;
using Aims.Documents;
using Aims.Host.Composition;
using Aims.Host.Startup;
using Aims.Host.Web;
using Aims.Identity;
using Aims.Notifications;
using Aims.Registration;

IModule[] modules = [new IdentityModule(), new RegistrationModule(), new AppealsModule(), new DocumentsModule(), new NotificationsModule()];

try
{
    StartupTimeline.Mark("Main");
    var builder = WebApplication.CreateBuilder(args);
    // Secrets as files: systemd's LoadCredential= puts each in $CREDENTIALS_DIRECTORY, named like the environment
    // variable (ConnectionStrings__Aims), never in the repository or the unit file (docs/deploy.md).
    if (Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") is { Length: > 0 } credentials)
    {
        builder.Configuration.AddKeyPerFile(credentials, optional: false);
    }

    // `migrate` and `codegen` need only the connection string: mail, texts and the rest are checked when the portal
    // itself starts.
    var migrating = args is ["migrate", ..];
    var generating = args is ["codegen", ..];
    var optOuts = builder.Environment.IsProduction() && !migrating && !generating ? ProductionSettings.Check(builder.Configuration) : [];
    // The host's own failure log would repeat, as a stack trace, the one line printed below.
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    if (!builder.Environment.IsDevelopment())
    {
        builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);
    }

    // Hosted services start in registration order: the database is checked (Production) or migrated before the relay
    // or server touch it, and the demo data is seeded after Wolverine (inside AddAims) has started, since seeding
    // publishes events.
    builder.Services.AddDatabaseStartup();
    DevClock.AddIfSet(builder.Services, builder.Configuration, builder.Environment);
    builder.Services.AddAims(builder.Configuration, modules);
    builder.Services.AddHostedService<DemoDataStartup>();
    builder.Services.AddAimsTelemetry(builder.Configuration);
    builder.Services.AddSingleton<DemoSignInAnnouncer>();
    builder.Services.AddHostedService(provider => provider.GetRequiredService<DemoSignInAnnouncer>());
    builder.Services.AddHttpsBehindProxy(builder.Configuration);
    builder.Services.AddHostWeb();
    builder.Services.AddRazorPages();
    builder.Services.AddOpenApi();
    // The API speaks in names ("ProviderInformal", "Withdrawn"), which stay stable when an enum gains a member.
    builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

    StartupTimeline.Mark("services registered");
    var app = builder.Build();
    StartupTimeline.Mark("host built");

    if (migrating)
    {
        var applied = await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        Console.WriteLine($"Database is up to date ({applied} migration(s) applied).");
        return 0;
    }

    if (generating)
    {
        return CodegenCommand.Run(app.Services, args);
    }

    foreach (var optOut in optOuts)
    {
        app.Logger.LogWarning("{OptOut}", optOut);
    }

    if (app.Services.GetRequiredService<TimeProvider>() is DevClock moved)
    {
        app.Logger.LogWarning("The AIMS clock is {Offset} ahead ({Setting}): it reads {Now:u}.", moved.Offset, DevClock.Setting, moved.GetUtcNow());
    }

    app.UseHttpsBehindProxy();
    app.UseAimsSecurityHeaders();
    app.UseCorrelation();
    app.UseAimsErrorHandling("/Error");
    app.UseStaticFiles();
    app.UseRouting();
    app.UsePortalLanguages();
    app.UseAuthentication();
    app.UseOperationActor();
    app.UseRateLimiter();
    app.UseAuthorization();
    app.MapAimsHealth();
    app.MapAimsMetrics();
    app.MapRazorPages();
    foreach (var module in modules)
    {
        module.MapEndpoints(app);
    }

    // The API's description is public, like any agency's published interface; calling the API needs a token.
    app.MapOpenApi().AllowAnonymous();

    StartupTimeline.Mark("endpoints mapped");
    StartupTimeline.LogWhenListening(app);
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (StartupFailure.Describe(exception) is { } line)
{
    Console.Error.WriteLine($"AIMS cannot start: {line}");
    return 1;
}

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
