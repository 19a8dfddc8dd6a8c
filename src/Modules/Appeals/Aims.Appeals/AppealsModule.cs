using Aims.Appeals.Access;
using Aims.Appeals.Api;
using Aims.Appeals.Cases;
using Aims.Appeals.Decisions;
using Aims.Appeals.Demo;
using Aims.Appeals.Filing;
using Aims.Appeals.Persistence;
using Aims.Appeals.Practice;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.EventSourcing;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Seeding;
using Aims.BuildingBlocks.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Appeals;

public sealed class AppealsModule : IModule
{
    public string Name => "Appeals";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalText<AppealsText>();
        var migrations = SqlMigration.EmbeddedIn(typeof(AppealsModule).Assembly)
            .Prepend(EventStoreSchema.Migration(AppealsDbContext.SchemaName))
            .ToList();
        services.AddModuleDbContext<AppealsDbContext>(new ModuleSchema(AppealsDbContext.SchemaName, migrations));
        services.AddEventStore(new EventStoreOptions
        {
            Schema = AppealsDbContext.SchemaName,
            EventAssemblies = [typeof(AppealsModule).Assembly],
        });
        services.Configure<AppealRulesOptions>(configuration.GetSection(AppealRulesOptions.Section));
        services.AddSingleton<AppealDeadlines>();
        services.AddScoped<IProjection, AppealSummaryProjection>();
        services.AddScoped<AppealFiling>();
        services.AddScoped<AppealAudience>();
        services.AddScoped<CaseWork>();
        services.AddSingleton<DecisionPdf>();
        services.AddScoped<IDemoDataSeeder, AppealsDemoSeeder>();

        // "You Try" practice (ADR 0024): its own schema, reusing the appeal rules but none of the streams or messages.
        services.AddModuleDbContext<PracticeDbContext>(
            new ModuleSchema(PracticeDbContext.SchemaName, SqlMigration.EmbeddedIn(typeof(AppealsModule).Assembly, "Practice")));
        services.AddScoped<PracticeCases>();
        services.AddHostedService<PracticePurgeStartup>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAppealsApi();
        endpoints.MapCasesApi();
    }
}
