using System.Net.Http.Json;
using System.Text.Json;
using Aims.Identity.Contracts;
using Aims.Testing;
using Npgsql;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// The deadline dashboard's counts come from appeals.staff_load, kept by the list rows' triggers (migration 0015), and
/// one person's clocks from one index scan per role: both must show exactly what grouping the open appeals shows.
/// Today is Mon 11/23/2026 (the tests' clock); within 14 days reaches Mon 12/07/2026, inclusive.
/// </summary>
public sealed class DeadlineDashboardTests() : AppealsTest("aims_test_appeals_deadlines")
{
    /// <summary>The per-person counts straight from the list rows, grouped as the dashboard did before migration 0015.</summary>
    private const string GroupedFromTheRows = """
        SELECT user_id, coalesce(name, ''), coalesce(clock_due, 'infinity'::date), count(*)::int FROM (
            SELECT case_worker_id, case_worker_name, clock_due FROM appeals.appeal_summaries WHERE NOT closed AND case_worker_id IS NOT NULL
            UNION ALL
            SELECT decider_id, decider_name, clock_due FROM appeals.appeal_summaries WHERE NOT closed AND decider_id IS NOT NULL
        ) AS e (user_id, name, clock_due)
        GROUP BY 1, 2, 3
        """;

    private const string Kept = "SELECT user_id, name, clock_due, cases FROM appeals.staff_load";

    private int serial;

    [Test]
    public async Task Counts_and_one_persons_clocks_follow_every_change_to_the_list_rows()
    {
        using var ana = await StaffAsync("ana.deadlines@dmas.virginia.gov", Role.CaseWorker);
        var anaId = await UserIdAsync("ana.deadlines@dmas.virginia.gov");
        var ben = Guid.NewGuid();
        var cruz = Guid.NewGuid();

        // Ana works five open cases and decides one of them herself; Ben decides two; one of Ana's is closed.
        var overdue = await RowAsync(anaId, "Ana Alvarez", ben, "Ben Brooks", new DateOnly(2026, 11, 20));
        var both = await RowAsync(anaId, "Ana Alvarez", anaId, "Ana Alvarez", new DateOnly(2026, 11, 23));
        var lastDay = await RowAsync(anaId, "Ana Alvarez", null, null, new DateOnly(2026, 12, 7));
        var dayAfter = await RowAsync(anaId, "Ana Alvarez", null, null, new DateOnly(2026, 12, 8));
        var noClock = await RowAsync(null, null, ben, "Ben Brooks", null);
        await RowAsync(anaId, "Ana Alvarez", null, null, new DateOnly(2026, 11, 2), closed: true);

        var board = await BoardAsync(ana, "within=14");
        // Ana: 11/20 overdue; 11/23 (twice: worker and decider) and 12/07 due within 14 days; 12/08 only open.
        // Ben: 11/20 overdue; the case with no clock running only open. Tied on overdue, so by name.
        People(board, anaId, ben, cruz).ShouldBe(["Ana Alvarez 5 1 3", "Ben Brooks 2 1 0"]);
        (await SetAsync(Kept)).ShouldBe(await SetAsync(GroupedFromTheRows), ignoreOrder: true);
        // Her clocks to 12/07 by due date, the case she both works and decides once; the team's the same here.
        Cases(board, "clocks").ShouldBe([overdue.Case, both.Case, lastDay.Case]);
        Cases(await BoardAsync(ana, "within=14&mine=true"), "clocks").ShouldBe([overdue.Case, both.Case, lastDay.Case]);
        Cases(await BoardAsync(ana, "within=15&mine=true"), "clocks").ShouldBe([overdue.Case, both.Case, lastDay.Case, dayAfter.Case]);

        // The overdue case goes from Ana to Cruz; the 12/07 case closes; the 12/08 clock moves to 11/30; Ben's
        // clockless case is deleted; Ana's own decision on 11/23 passes to Ben.
        await UpdateAsync(overdue.Id, "case_worker_id = @p, case_worker_name = 'Cruz Castillo'", cruz);
        await UpdateAsync(lastDay.Id, "closed = true, clock_due = NULL", null);
        await UpdateAsync(dayAfter.Id, "clock_due = '2026-11-30'", null);
        await UpdateAsync(noClock.Id, null, null);
        await UpdateAsync(both.Id, "decider_id = @p, decider_name = 'Ben Brooks'", ben);

        board = await BoardAsync(ana, "within=14");
        People(board, anaId, ben, cruz).ShouldBe(["Ben Brooks 2 1 1", "Cruz Castillo 1 1 0", "Ana Alvarez 2 0 2"]);
        (await SetAsync(Kept)).ShouldBe(await SetAsync(GroupedFromTheRows), ignoreOrder: true);
        (await CountAsync("SELECT count(*) FROM appeals.staff_load WHERE cases <= 0")).ShouldBe(0L);
        Cases(await BoardAsync(ana, "within=14&mine=true"), "clocks").ShouldBe([both.Case, dayAfter.Case]);

        // Tomorrow the 11/23 clock is overdue too: the counts are by day, so they move with today.
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero));
        using var tomorrow = NewBrowser();
        await tomorrow.SignInAsync(ConnectionString, "ana.deadlines@dmas.virginia.gov", Password, staff: true);
        People(await BoardAsync(tomorrow, "within=14"), anaId, ben, cruz).ShouldBe(["Ben Brooks 2 2 0", "Ana Alvarez 2 1 1", "Cruz Castillo 1 1 0"]);
    }

    [Test]
    public async Task An_appeal_counts_for_the_people_assigned_through_the_pages_until_it_is_dismissed()
    {
        var (_, id, caseNumber, _) = await ClientAppealAsync("deadlines", "300000000031");
        using var worker = await StaffAsync("worker.deadlines@dmas.virginia.gov", Role.CaseWorker);
        using var officer = await StaffAsync("officer.deadlines@dmas.virginia.gov", Role.HearingOfficer);
        var workerId = await UserIdAsync("worker.deadlines@dmas.virginia.gov");
        var officerId = await UserIdAsync("officer.deadlines@dmas.virginia.gov");

        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign?role=CaseWorker", new() { ["Role"] = "CaseWorker", ["AssigneeId"] = workerId.ToString() }))
            .Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign?role=HearingOfficer", new() { ["Role"] = "HearingOfficer", ["AssigneeId"] = officerId.ToString() }))
            .Location.ShouldBe($"/appeals/{id}");

        // Filed Mon 11/23/2026: the client decision is due 90 days on, Sun 02/21/2027; open, not due within 14 days,
        // due within 90.
        (await ScalarAsync("SELECT clock_due::text FROM appeals.appeal_summaries WHERE id = @p", id)).ShouldBe("2027-02-21");
        var names = await NamesAsync(workerId, officerId);
        People(await BoardAsync(worker, "within=14"), workerId, officerId).ShouldBe([$"{names[officerId]} 1 0 0", $"{names[workerId]} 1 0 0"], ignoreOrder: true);
        People(await BoardAsync(worker, "within=90"), workerId, officerId).ShouldBe([$"{names[officerId]} 1 0 1", $"{names[workerId]} 1 0 1"], ignoreOrder: true);
        Cases(await BoardAsync(worker, "within=90&mine=true"), "clocks").ShouldBe([caseNumber]);
        (await SetAsync(Kept)).ShouldBe(await SetAsync(GroupedFromTheRows), ignoreOrder: true);

        (await ActAsync(worker, $"/staff/appeals/{id}/dismiss", new() { ["Reason"] = "NoAdverseAction", ["Explanation"] = "The notice granted the request." })).Location.ShouldBe($"/appeals/{id}");
        People(await BoardAsync(worker, "within=90"), workerId, officerId).ShouldBeEmpty();
        Cases(await BoardAsync(worker, "within=90&mine=true"), "clocks").ShouldBeEmpty();
        (await SetAsync(Kept)).ShouldBe(await SetAsync(GroupedFromTheRows), ignoreOrder: true);
    }

    private async Task<(Guid Id, string Case)> RowAsync(
        Guid? caseWorker, string? caseWorkerName, Guid? decider, string? deciderName, DateOnly? clockDue, bool closed = false)
    {
        var id = Guid.NewGuid();
        var caseNumber = $"CL-2026-{Interlocked.Increment(ref serial) + 700000:D6}";
        await ExecuteAsync(
            """
            INSERT INTO appeals.appeal_summaries (id, case_number, kind, status, appellant_name, action_type, agency_id, filed_by, filed_on,
                timely, expedited, closed, flags, claim_references, case_worker_id, case_worker_name, decider_id, decider_name, clock_due,
                clock_name, version, updated_at)
            VALUES (@id, @case, 'Client', @status, 'Maria Lopez', 'ServicesDenied', @id, @id, '2026-09-01', true, false, @closed, '{}', '{}',
                @worker, @workerName, @decider, @deciderName, @clock, @clockName, 3, now())
            """,
            new()
            {
                ["id"] = id, ["case"] = caseNumber, ["status"] = closed ? "Decided" : "Docketed", ["closed"] = closed,
                ["worker"] = (object?)caseWorker ?? DBNull.Value, ["workerName"] = (object?)caseWorkerName ?? DBNull.Value,
                ["decider"] = (object?)decider ?? DBNull.Value, ["deciderName"] = (object?)deciderName ?? DBNull.Value,
                ["clock"] = (object?)clockDue ?? DBNull.Value, ["clockName"] = clockDue is null ? DBNull.Value : (object)"ClientDecision",
            });
        return (id, caseNumber);
    }

    /// <summary>Sets columns of one list row, or deletes it when <paramref name="set"/> is null.</summary>
    private Task UpdateAsync(Guid id, string? set, Guid? p) => ExecuteAsync(
        set is null ? "DELETE FROM appeals.appeal_summaries WHERE id = @id" : $"UPDATE appeals.appeal_summaries SET {set} WHERE id = @id",
        new() { ["id"] = id, ["p"] = (object?)p ?? DBNull.Value });

    private static async Task<JsonElement> BoardAsync(FormClient staff, string query)
    {
        var response = await staff.Http.GetAsync($"/api/v1/staff/deadlines?{query}");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>"Name Open Overdue DueSoon" for these people, in the board's order.</summary>
    private static List<string> People(JsonElement board, params Guid[] who) =>
    [
        .. board.GetProperty("people").EnumerateArray()
            .Where(p => who.Contains(p.GetProperty("userId").GetGuid()))
            .Select(p => $"{p.GetProperty("name").GetString()} {p.GetProperty("open").GetInt32()} {p.GetProperty("overdue").GetInt32()} {p.GetProperty("dueSoon").GetInt32()}"),
    ];

    private static List<string> Cases(JsonElement board, string list) =>
        [.. board.GetProperty(list).EnumerateArray().Select(c => c.GetProperty("caseNumber").GetString()!)];

    private async Task<List<string>> SetAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetGuid(0)} {reader.GetString(1)} {reader.GetFieldValue<DateOnly>(2):yyyy-MM-dd} {reader.GetInt32(3)}");
        }

        return rows;
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(params Guid[] people)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var person in people)
        {
            names[person] = (string)(await ScalarAsync(
                "SELECT CASE WHEN case_worker_id = @p THEN case_worker_name ELSE decider_name END FROM appeals.appeal_summaries WHERE case_worker_id = @p OR decider_id = @p LIMIT 1", person))!;
        }

        return names;
    }
}
