namespace Aims.Benchmarks;

/// <summary>One figure; <see cref="BaselineKey"/> names the pgbench figure it is compared with, if any.</summary>
internal sealed record Measurement(string Key, string Label, double Value, string Unit, string? BaselineKey = null);
