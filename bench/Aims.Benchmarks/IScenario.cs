namespace Aims.Benchmarks;

/// <summary>A benchmark scenario, chosen on the command line by name; one file each.</summary>
internal interface IScenario
{
    string Name { get; }

    Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment);
}
