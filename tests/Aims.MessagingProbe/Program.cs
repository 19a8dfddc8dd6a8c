using Aims.Host.Composition;
using Aims.MessagingProbe;
using Aims.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: Aims.MessagingProbe <connection string>. Prints READY, waits for "go" on stdin (so two probes start
// together), then runs a Wolverine node that delivers the probe module's messages until killed.
var builder = Host.CreateApplicationBuilder();
builder.Configuration["ConnectionStrings:Aims"] = args[0];
// A SIGKILLed probe's envelopes pass to a live one within seconds, not the production minute.
builder.Configuration["Aims:Messaging:NodeStaleAfter"] = "00:00:03";
builder.Configuration["Aims:Messaging:NodeHealthCheck"] = "00:00:01";
builder.Configuration["Aims:Messaging:AgentAssignmentCheck"] = "00:00:01";
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddAims(builder.Configuration, [new ProbeModule(), new NotificationsModule()]);
using var host = builder.Build();

Console.WriteLine("READY");
while (Console.ReadLine() is { } line && line != "go")
{
}

await host.RunAsync();
