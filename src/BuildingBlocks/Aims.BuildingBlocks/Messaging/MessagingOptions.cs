namespace Aims.BuildingBlocks.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Aims:Messaging";

    /// <summary>Run the relay in this process. Tests that drive the relay by hand turn it off.</summary>
    public bool RelayEnabled { get; set; } = true;

    /// <summary>
    /// Let this process's Wolverine deliver the integration events it publishes. Off only where a test publishes in one
    /// process and lets another (a probe process) deliver: the envelopes are then left unowned for recovery.
    /// </summary>
    public bool DeliverEvents { get; set; } = true;

    /// <summary>How long a Wolverine node may miss its heartbeat before another node takes over its envelopes.</summary>
    public TimeSpan NodeStaleAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often each Wolverine node beats and checks the others.</summary>
    public TimeSpan NodeHealthCheck { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often Wolverine's leader node checks which node runs which agent (e.g. the durability agent).</summary>
    public TimeSpan AgentAssignmentCheck { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Envelopes each durable local queue runs at once: receivers wait on the database, not the CPU (ADR 0055).</summary>
    public int QueueParallelism { get; set; } = 5;

    public int BatchSize { get; set; } = 20;

    /// <summary>How many messages of a claimed batch are delivered at once (each uses one connection).</summary>
    public int DeliveryParallelism { get; set; } = 4;

    /// <summary>How long a claimed message stays invisible to other hosts before it may be claimed again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait between looks at the table when no notification wakes the relay (scheduled messages).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxAttempts { get; set; } = 8;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Exponential backoff after the given failed attempt, capped.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryBaseDelay.Ticks * factor, RetryMaxDelay.Ticks));
        return delay;
    }
}
