namespace Aims.Host.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Aims:Messaging";

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

    /// <summary>After the quick retries, Wolverine retries a failing receiver at these delays (null: 30 s, 2 min, 10 min).</summary>
    public TimeSpan[]? ScheduledRetries { get; set; }

    /// <summary>The scheduled retries' delays in effect.</summary>
    public TimeSpan[] RetryDelays() => ScheduledRetries ?? [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];

    /// <summary>Envelopes each durable local queue runs at once: receivers wait on the database, not the CPU (ADR 0055).</summary>
    public int QueueParallelism { get; set; } = 5;
}
