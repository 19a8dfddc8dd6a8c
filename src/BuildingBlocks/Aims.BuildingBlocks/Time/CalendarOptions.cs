namespace Aims.BuildingBlocks.Time;

public sealed class CalendarOptions
{
    public const string Section = "Aims:Calendar";

    /// <summary>
    /// Days the Governor closes state offices (snow, an extra day at Christmas). They are not in the statute,
    /// so they arrive through configuration and count as non-business days like holidays do.
    /// </summary>
    public List<DateOnly> AdditionalClosures { get; set; } = [];
}
