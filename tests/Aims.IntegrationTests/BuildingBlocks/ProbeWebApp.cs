using Aims.Host.Composition;
using Aims.Host.Web;
using Aims.MessagingProbe;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>The probe module's requests behind real HTTP, with the building blocks' error handling and correlation.</summary>
internal sealed class ProbeWebApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private ProbeWebApp(WebApplication app, HttpClient client)
    {
        this.app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>This node's services, to ask Wolverine's storage API (it is a node, unlike the test process).</summary>
    public IServiceProvider Services => app.Services;

    public static async Task<ProbeWebApp> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["ConnectionStrings:Aims"] = connectionString;
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddAims(builder.Configuration, [new ProbeModule()]);
        builder.Services.AddHostWeb();
        var app = builder.Build();
        app.UseCorrelation();
        app.UseAimsErrorHandling("/error");
        app.MapAimsHealth();
        app.MapGet("/notes/count", (IMediator mediator) => mediator.Send(new CountNotes()));
        app.MapPost("/notes", (AddNote command, IMediator mediator) => mediator.Send(command));
        app.MapPost("/counters/{id:guid}", (Guid id, IMediator mediator) => mediator.Send(new StartCounter(id, "http")));
        app.MapPost("/counters/{id:guid}/increments", (Guid id, IncrementCounter command, IMediator mediator) =>
            mediator.Send(command with { CounterId = id }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ProbeWebApp(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
