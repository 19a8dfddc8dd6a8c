using Aims.Identity.Contracts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Aims.Host.Startup;

/// <summary>Prints where the portal listens and the demo sign-ins once the server is up, so a newcomer can start.</summary>
internal sealed class DemoSignInAnnouncer(IServer server, IHostApplicationLifetime lifetime) : IHostedService
{
    private readonly List<DemoSignIn> signIns = [];

    public void Add(IEnumerable<DemoSignIn> more) => signIns.AddRange(more);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        foreach (var address in addresses)
        {
            Console.WriteLine($"AIMS is running at {address}");
        }

        if (signIns.Count > 0)
        {
            Console.WriteLine("Demo sign-ins (local demo data only; staff sign in at /staff/sign-in, codes are on /dev/outbox):");
            var roleWidth = signIns.Max(s => s.Role.Length) + 2;
            var emailWidth = signIns.Max(s => s.Email.Length) + 2;
            foreach (var signIn in signIns)
            {
                Console.WriteLine($"  {signIn.Role.PadRight(roleWidth)}{signIn.Email.PadRight(emailWidth)}{signIn.Password}");
            }
        }

        Console.WriteLine("Press Ctrl+C to stop.");
        Console.WriteLine();
    }
}
