using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Aims.BuildingBlocks.Messaging;

/// <summary>
/// Runs the pump for the life of the host. It sleeps on LISTEN so a committed outbox message is delivered at once,
/// and wakes at least every poll interval for scheduled messages. A lost database is waited out, not fatal.
/// </summary>
internal sealed class MessageRelayService(
    MessagePump pump, NpgsqlDataSource dataSource, IOptions<MessagingOptions> options, ILogger<MessageRelayService> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxOutageDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outageDelay = TimeSpan.FromSeconds(1);
        NpgsqlConnection? listener = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await pump.ProcessDueAsync(stoppingToken) >= options.Value.BatchSize)
                    {
                        continue;
                    }

                    listener ??= await ListenAsync(stoppingToken);
                    await listener.WaitAsync(options.Value.PollInterval, stoppingToken);
                    outageDelay = TimeSpan.FromSeconds(1);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Message relay cannot reach the database ({Error}); retrying in {Delay}", exception.Message, outageDelay);
                    if (listener is not null)
                    {
                        await listener.DisposeAsync();
                        listener = null;
                    }

                    await Task.Delay(outageDelay, stoppingToken);
                    outageDelay = TimeSpan.FromTicks(Math.Min(outageDelay.Ticks * 2, MaxOutageDelay.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (listener is not null)
            {
                await listener.DisposeAsync();
            }
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"LISTEN {MessagePump.WakeChannel}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
