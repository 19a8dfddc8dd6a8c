namespace Aims.Appeals.Rules;

/// <summary>When the clock started (the presumed receipt) and the last day a filing is on time.</summary>
internal sealed record FilingWindow(DateOnly ReceivedOn, DateOnly LastDay)
{
    public bool IsTimely(DateOnly filedOn) => filedOn <= LastDay;
}
