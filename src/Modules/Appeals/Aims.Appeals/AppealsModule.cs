using Aims.Appeals.Access;
using Aims.Appeals.Api;
using Aims.Appeals.Cases;
using Aims.Appeals.Decisions;
using Aims.Appeals.Demo;
using Aims.Appeals.Drafts;
using Aims.Appeals.Filing;
using Aims.Appeals.Persistence;
using Aims.Appeals.Practice;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Aims.Identity.Contracts;
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
        services.AddModuleDbContext<AppealsDbContext>(
            new ModuleSchema(AppealsDbContext.SchemaName, SqlMigration.EmbeddedIn(typeof(AppealsModule).Assembly)));
        services.AddEventStreams(AppealsDbContext.SchemaName, AppealStreams.Configure);
        // After Marten's tables exist: the hand-written store's streams move into them (ADR 0034).
        services.AddSingleton<ISchemaStep, LegacyEventImport>();
        // The previous version's draft rows become Marten documents (ADR 0036).
        services.AddSingleton<ISchemaStep, DraftImport>();
        services.Configure<AppealRulesOptions>(configuration.GetSection(AppealRulesOptions.Section));
        services.AddSingleton<AppealDeadlines>();
        services.AddScoped<AppealFiling>();
        services.AddScoped<AppealAudience>();
        services.AddScoped<CaseWork>();
        services.AddSingleton<DecisionPdf>();
        services.AddScoped<Filing.FilingReceipt>();
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
