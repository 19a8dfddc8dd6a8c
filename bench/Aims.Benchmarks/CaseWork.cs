using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Aims.Appeals.Caseload;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Time;
using Aims.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.Benchmarks;

/// <summary>
/// The division's read side at a million appeals: the intake queue, the deadline dashboard and three typical searches,
/// each sent through the mediator in a scope of its own as the staff pages and the API do (the same handlers, EF Core
/// queries and materialization), beside the floor: the very SQL those handlers sent, captured from EF Core and run
/// again over plain Npgsql. Latencies are one client, one query at a time, after a warm-up; p50/p95/p99.
/// </summary>
internal sealed partial class CaseWork : IScenario
{
    // A million by default; AIMS_BENCH_APPEALS sets a smaller size when the machine is too loaded to seed that many.
    private static readonly int Appeals = int.TryParse(Environment.GetEnvironmentVariable("AIMS_BENCH_APPEALS"), out var size) ? size : 1_000_000;
    private const int WarmUps = 20;
    private const int Runs = 200;
    // The statements the floor replays: those on the module's read tables (the list rows, and the dashboard's counts
    // since migration 0015), not whatever else the host happens to run meanwhile.
    private const string Tables = "appeals.";

    public string Name => "casework";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var database = await environment.RecreateDatabaseAsync("aims_bench_casework");
        await using var portal = new AimsAppFactory(database, settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
        });

        // Resolving a service starts the host, which migrates the fresh database.
        var today = portal.Services.GetRequiredService<BusinessCalendar>().Today();
        var seeding = Stopwatch.StartNew();
        var sample = await CaseWorkSeeder.SeedAsync(database, today, Appeals);
        var copied = seeding.Elapsed;
        await using var source = NpgsqlDataSource.Create(database);
        // The same statements prepared as the host's pool prepares them, with PostgreSQL's default plan_cache_mode: after
        // five runs a prepared statement may take a generic plan (what the host did before it forced custom plans).
        await using var prepared = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database) { MaxAutoPrepare = 50, Options = "-c plan_cache_mode=auto" }.ConnectionString);
        // The host's own pool (auto-prepare, its lighter reset, custom plans forced): the floor on it places what
        // Npgsql's settings cost apart from what EF Core and the scope cost.
        var hostSource = portal.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var vacuum = source.CreateCommand("VACUUM (ANALYZE) appeals.appeal_summaries, appeals.staff_load"))
        {
            await vacuum.ExecuteNonQueryAsync();
        }

        var results = new List<Measurement>
        {
            new("casework-seed-copy", $"casework: COPY {Appeals:N0} appeals", copied.TotalSeconds, "s"),
            new("casework-seed", "casework: seed with VACUUM (ANALYZE)", seeding.Elapsed.TotalSeconds, "s"),
        };
        var plans = new StringBuilder().Append(CultureInfo.InvariantCulture, $"casework plans, {Appeals:N0} appeals, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores\n");
        foreach (var query in Queries(sample))
        {
            Console.WriteLine($"  {query.Label}");
            for (var i = 0; i < WarmUps; i++)
            {
                await SendAsync(portal.Services, query);
                await HandleAsync(portal.Services, query);
                await UnpooledAsync(portal.Services, query);
            }

            // Listening to EF Core's diagnostics costs the handler time of its own, so only for the one captured run.
            IReadOnlyList<CapturedCommand> commands;
            int rows;
            using (var capture = new SqlCapture())
            {
                capture.Start();
                // EF Core checks whether diagnostics are listened to at most once a second per context, and a pooled
                // context keeps what it last found: wait that long, or the captured run would report nothing.
                await Task.Delay(TimeSpan.FromSeconds(1.5));
                rows = await SendAsync(portal.Services, query);
                commands = capture.Stop(Tables);
            }
            if (rows < query.AtLeast || commands.Count == 0)
            {
                throw new InvalidOperationException($"{query.Key}: {rows} rows through {commands.Count} statements; the seed does not hold what the query looks for.");
            }

            for (var i = 0; i < WarmUps; i++)
            {
                await FloorAsync(source, commands);
                await FloorAsync(prepared, commands);
                await FloorAsync(hostSource, commands);
            }

            // Interleaved, so drift on a shared machine falls on both alike.
            var handler = new Latencies();
            var alone = new Latencies();
            var floor = new Latencies();
            var generic = new Latencies();
            var unpooled = new Latencies();
            var hostPool = new Latencies();
            var context = new Latencies();
            for (var i = 0; i < Runs; i++)
            {
                await handler.TimeAsync(() => SendAsync(portal.Services, query));
                await alone.TimeAsync(() => HandleAsync(portal.Services, query));
                await floor.TimeAsync(() => FloorAsync(source, commands));
                await generic.TimeAsync(() => FloorAsync(prepared, commands));
                await unpooled.TimeAsync(() => UnpooledAsync(portal.Services, query));
                await hostPool.TimeAsync(() => FloorAsync(hostSource, commands));
                await context.TimeAsync(() => ContextAsync(portal.Services));
            }

            var server = await ExplainAsync(source, query, commands, rows, plans);
            var key = $"casework-{query.Key}";
            results.Add(new Measurement($"{key}-p50", $"{query.Label}: p50 (ratio: to the floor's)", handler.Percentile(50), "ms", $"{key}-floor-p50"));
            results.Add(new Measurement($"{key}-p95", "  p95", handler.Percentile(95), "ms", $"{key}-floor-p95"));
            results.Add(new Measurement($"{key}-p99", "  p99", handler.Percentile(99), "ms", $"{key}-floor-p99"));
            results.Add(new Measurement($"{key}-alone-p50", "  its handler alone (no mediator behaviours): p50", alone.Percentile(50), "ms", $"{key}-floor-p50"));
            results.Add(new Measurement($"{key}-alone-p95", "  its handler alone: p95", alone.Percentile(95), "ms", $"{key}-floor-p95"));
            results.Add(new Measurement($"{key}-unpooled-p50", "  its handler alone on a DbContext made for the request (before ADR 0053): p50", unpooled.Percentile(50), "ms", $"{key}-floor-p50"));
            results.Add(new Measurement($"{key}-unpooled-p95", "  its handler alone, DbContext made for the request: p95", unpooled.Percentile(95), "ms", $"{key}-floor-p95"));
            results.Add(new Measurement($"{key}-floor-p50", $"  floor, its {commands.Count} statement(s) over Npgsql: p50", floor.Percentile(50), "ms"));
            results.Add(new Measurement($"{key}-floor-p95", "  floor p95", floor.Percentile(95), "ms"));
            results.Add(new Measurement($"{key}-floor-p99", "  floor p99", floor.Percentile(99), "ms"));
            results.Add(new Measurement($"{key}-prepared-p50", "  floor prepared, plan_cache_mode=auto (generic plans allowed): p50", generic.Percentile(50), "ms", $"{key}-floor-p50"));
            results.Add(new Measurement($"{key}-prepared-p95", "  floor prepared, plan_cache_mode=auto: p95", generic.Percentile(95), "ms", $"{key}-floor-p95"));
            results.Add(new Measurement($"{key}-hostpool-p50", "  floor on the host's own pool (auto-prepare, its reset, custom plans): p50", hostPool.Percentile(50), "ms", $"{key}-floor-p50"));
            results.Add(new Measurement($"{key}-hostpool-p95", "  floor on the host's own pool: p95", hostPool.Percentile(95), "ms", $"{key}-floor-p95"));
            results.Add(new Measurement($"{key}-context-p50", "  a scope and its DbContext made, no query: p50", context.Percentile(50), "ms"));
            results.Add(new Measurement($"{key}-server", "  server execution (EXPLAIN ANALYZE, once)", server, "ms"));
        }

        var folder = Path.Combine(Repository.Root(), "artifacts", "bench");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "casework-plans.txt"), plans.ToString());
        return results;
    }

    /// <summary>The page's query in a request-sized scope, as the page model and the API endpoint send it.</summary>
    private static async Task<int> SendAsync(IServiceProvider services, CaseQuery query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query.Send(scope.ServiceProvider);
    }

    /// <summary>The handler called directly in a request-sized scope: EF Core and materialization without the mediator's pipeline.</summary>
    private static async Task<int> HandleAsync(IServiceProvider services, CaseQuery query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query.Handle(scope.ServiceProvider);
    }

    /// <summary>
    /// The handler alone on a DbContext built for this request as the host built one before ADR 0053 (options on the
    /// scope's connection, the context's internal services made anew), not leased from the pool.
    /// </summary>
    private static async Task<int> UnpooledAsync(IServiceProvider services, CaseQuery query)
    {
        await using var scope = services.CreateAsyncScope();
        var options = new DbContextOptionsBuilder<AppealsDbContext>()
            .UseApplicationServiceProvider(scope.ServiceProvider)
            .UseNpgsql(scope.ServiceProvider.GetRequiredService<DbSession>().Connection)
            .Options;
        await using var db = new AppealsDbContext(options);
        return await query.HandleOn(scope.ServiceProvider, db);
    }

    /// <summary>What every query pays before its SQL: a request-sized scope and the module's DbContext, made ready for a query.</summary>
    private static async Task ContextAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        _ = scope.ServiceProvider.GetRequiredService<AppealsDbContext>().Model;
    }

    /// <summary>The same statements with the same parameter values, every row and column read, on a pooled connection.</summary>
    private static async Task<int> FloorAsync(NpgsqlDataSource source, IReadOnlyList<CapturedCommand> commands)
    {
        await using var connection = await source.OpenConnectionAsync();
        var rows = 0;
        foreach (var captured in commands)
        {
            await using var command = captured.On(connection);
            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }

        return rows;
    }

    /// <summary>Each statement's plan with EXPLAIN (ANALYZE, BUFFERS), into the plans file; the summed execution time.</summary>
    private static async Task<double> ExplainAsync(NpgsqlDataSource source, CaseQuery query, IReadOnlyList<CapturedCommand> commands, int rows, StringBuilder plans)
    {
        plans.Append(CultureInfo.InvariantCulture, $"\n=== {query.Key}: {query.Label} ({rows} rows)\n");
        await using var connection = await source.OpenConnectionAsync();
        var total = 0.0;
        foreach (var captured in commands)
        {
            var values = string.Join(", ", captured.Parameters.Select(p => $"{p.ParameterName} = {p.Value}"));
            plans.Append(CultureInfo.InvariantCulture, $"\n-- {captured.Text.ReplaceLineEndings(" ")}\n-- parameters: {values}\n");
            await using var command = captured.On(connection, "EXPLAIN (ANALYZE, BUFFERS) ");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var line = reader.GetString(0);
                plans.Append(line).Append('\n');
                if (ExecutionTime().Match(line) is { Success: true } match)
                {
                    total += double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }
        }

        return total;
    }

    private static IEnumerable<CaseQuery> Queries(CaseWorkSample sample)
    {
        yield return CaseQuery.Of<ListIntake, SearchResult>("intake", "intake queue, page 1", 50, new ListIntake(1), Rows);
        // The intake queue as its handler read it before it was compiled (issue 19), through EF Core's LINQ on each call.
        yield return new CaseQuery(
            "intake-linq", "intake queue, page 1, uncompiled LINQ (before)", 50,
            services => UncompiledIntakeAsync(services.GetRequiredService<AppealsDbContext>()), services => UncompiledIntakeAsync(services.GetRequiredService<AppealsDbContext>()),
            (_, db) => UncompiledIntakeAsync(db));
        yield return CaseQuery.Of<ListDeadlines, DeadlineBoard>("deadlines", "deadlines, whole team", 30, new ListDeadlines(null, 14), Count);
        yield return CaseQuery.Of<ListDeadlines, DeadlineBoard>("deadlines-mine", "deadlines, one person", 30, new ListDeadlines(sample.AssigneeId, 14), Count);
        yield return Search("search-case", "search: case number", 1, new AppealSearch { Text = sample.CaseNumber });
        yield return Search("search-name", "search: name 'mar…', Scheduled", 50, new AppealSearch { Text = "mar", Status = AppealStatus.Scheduled });
        // A common prefix with a rare status: the name index alone reads every "mar…" name to keep a handful.
        yield return Search("search-name-rare", "search: name 'mar…', Recommended decision", 1, new AppealSearch { Text = "mar", Status = AppealStatus.RecommendedDecision });
        var from = sample.Today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = sample.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return Search("search-agency", "search: agency, last year, newest", 50, new AppealSearch { AgencyId = sample.AgencyId, FiledFrom = from, FiledTo = to, Sort = SearchSort.Newest });
    }

    private static async Task<int> UncompiledIntakeAsync(AppealsDbContext db)
    {
        var rows = await CaseRow.From(db.Summaries.AsNoTracking().Where(a => a.Status == AppealStatus.Filed).OrderBy(a => a.FiledOn).ThenBy(a => a.CaseNumber))
            .Skip(0).Take(AppealSearch.PageSize + 1).ToListAsync();
        return new SearchResult(rows.Take(AppealSearch.PageSize).ToList(), 1, rows.Count > AppealSearch.PageSize).Rows.Count;
    }

    private static CaseQuery Search(string key, string label, int atLeast, AppealSearch search) =>
        CaseQuery.Of<SearchAppeals, SearchResult>(key, label, atLeast, new SearchAppeals(search), Rows);

    private static int Rows(SearchResult result) => result.Rows.Count;

    private static int Count(DeadlineBoard board) => board.Clocks.Count + board.LateSummaries.Count + board.People.Count;

    [GeneratedRegex(@"Execution Time: ([\d.]+) ms")]
    private static partial Regex ExecutionTime();
}
