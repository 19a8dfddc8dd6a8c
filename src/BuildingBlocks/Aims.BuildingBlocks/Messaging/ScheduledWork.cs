namespace Aims.BuildingBlocks.Messaging;

/// <summary>The headers AIMS puts on a Wolverine scheduled message (ADR 0041).</summary>
public static class ScheduledWork
{
    /// <summary>When the message is due by AIMS's clock (round-trip "O" format, UTC).</summary>
    public const string DueHeader = "aims-due";

    /// <summary>The key that a later schedule replaces or a cancel removes ("appeal:{id}:remind:HearingSevenDays").</summary>
    public const string KeyHeader = "aims-key";
}
