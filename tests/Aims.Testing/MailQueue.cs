using Aims.BuildingBlocks.Persistence;
using Aims.Notifications.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Testing;

/// <summary>Queues mail the way a module's change does, for tests that need an email on its way (to fail, say).</summary>
public static class MailQueue
{
    /// <summary>Queues <paramref name="email"/> in its own committed transaction.</summary>
    public static async Task QueueEmailAsync(this IServiceProvider services, EmailMessage email)
    {
        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IOutgoingMail>().QueueAsync(email);
        await session.CommitAsync(CancellationToken.None);
    }
}
