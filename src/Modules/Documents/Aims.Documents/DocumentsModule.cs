using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Web;
using Aims.Documents.Api;
using Aims.Documents.Downloading;
using Aims.Documents.Listing;
using Aims.Documents.Scanning;
using Aims.Documents.Storage;
using Aims.Documents.Uploading;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Documents;

public sealed class DocumentsModule : IModule
{
    public string Name => "Documents";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalText<DocumentsText>();
        services.AddSingleton(new ModuleSchema("documents", SqlMigration.EmbeddedIn(typeof(DocumentsModule).Assembly)));
        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddScoped<PostgresContentStore>();
        services.AddScoped<FileSystemContentStore>();
        services.AddScoped<ContentStores>();
        services.AddSingleton<ClamdScanner>();
        services.AddSingleton<PendingScans>();
        services.AddHostedService(provider => provider.GetRequiredService<PendingScans>());
        services.AddHealthChecks().AddCheck<ScannerHealthCheck>("virus-scanner", tags: [WebApplicationExtensions.ReadyTag]);
        services.AddScoped<DocumentQueries>();
        services.AddScoped<DocumentMarks>();
        services.AddScoped<DocumentIntake>();
        services.AddScoped<MultipartUploadReader>();
        services.AddScoped<DocumentDownloads>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDocumentsApi();
        endpoints.MapPortalDocuments();
        endpoints.MapPortalDownloads();
    }
}
