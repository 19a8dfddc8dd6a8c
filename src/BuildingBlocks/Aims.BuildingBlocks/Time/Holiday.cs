namespace Aims.BuildingBlocks.Time;

/// <summary>A Virginia legal holiday on the date offices are closed for it.</summary>
/// <param name="IsObservedShift">True when the holiday fell on a weekend and is observed on the nearest Friday or Monday.</param>
public sealed record Holiday(DateOnly Date, string Name, bool IsObservedShift);
