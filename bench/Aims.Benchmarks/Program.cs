using System.Globalization;
using System.Text.Json;
using Aims.Benchmarks;

// ./build.sh bench runs every scenario; `dotnet run -c Release --project bench/Aims.Benchmarks -- outbox` runs one.
IScenario[] scenarios = [new PgbenchBaseline(), new EventAppends(), new AppendFloors(), new OutboxDelivery(), new PasswordSignIns(), new AppealFilings(), new DocumentTransfers(), new ReminderDispatch(), new CaseWork(), new ColdStart()];
var environment = BenchEnvironment.FromVariables();
var resultsFolder = Path.GetFullPath("artifacts/bench");

// WebApplicationFactory looks for MvcTestingAppManifest.json (the host's content root) in the current directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var chosen = args.Length == 0 ? scenarios : scenarios.Where(s => args.Contains(s.Name)).ToArray();
if (chosen.Length == 0)
{
    Console.Error.WriteLine($"Unknown scenario. Choose from: {string.Join(", ", scenarios.Select(s => s.Name))}");
    return 1;
}

var results = new List<Measurement>();
foreach (var scenario in chosen)
{
    Console.WriteLine($"Running {scenario.Name}...");
    results.AddRange(await scenario.RunAsync(environment));
}

var byKey = results.ToDictionary(m => m.Key);
Console.WriteLine();
Console.WriteLine($"AIMS benchmarks ({Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd})".PadRight(66) + "value".PadLeft(12) + "  ratio");
foreach (var m in results)
{
    var ratio = m.BaselineKey is not null && byKey.TryGetValue(m.BaselineKey, out var baseline)
        ? (m.Value / baseline.Value).ToString("0.00", CultureInfo.InvariantCulture)
        : "";
    Console.WriteLine($"{m.Label,-66}{m.Value.ToString("0.0", CultureInfo.InvariantCulture),9} {m.Unit,-4}  {ratio}");
}

Directory.CreateDirectory(resultsFolder);
await File.WriteAllTextAsync(Path.Combine(resultsFolder, "results.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
return 0;
