using System.Text.Json;
using Aims.Appeals.Model;
using Aims.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Practice;

/// <summary>A practice appeal as its owner sees it: the stored row, the appeal its events fold into, and its uploads.</summary>
internal sealed record PracticeCase(PracticeAppeal Row, Appeal Appeal, IReadOnlyList<PracticeDocument> Documents);

/// <summary>
/// Practice appeals, only in the practice schema and only the signed-in person's own (another's id is a 404). Folded by
/// the real <see cref="Appeal"/>, so statuses, deadlines and rules are the real ones, without streams or messages.
/// </summary>
internal sealed class PracticeCases(PracticeDbContext db, DbSession session)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PracticeCase?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var documents = await db.Documents.AsNoTracking().Where(d => d.AppealId == id).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        return new PracticeCase(row, Fold(row), documents);
    }

    public async Task<IReadOnlyList<(PracticeAppeal Row, Appeal Appeal)>> ListAsync(Guid userId, CancellationToken cancellationToken) =>
        (await db.Appeals.AsNoTracking().Where(a => a.UserId == userId).OrderByDescending(a => a.CreatedAt).ToListAsync(cancellationToken))
        .Select(row => (row, Fold(row)))
        .ToList();

    /// <summary>Stores a filing under its key; a second submit of the same form finds the first practice appeal.</summary>
    public async Task<Guid> FileAsync(Guid userId, string filingKey, Guid id, string caseNumber, InformalAppealFiled filed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = await session.CommandAsync(
            """
            INSERT INTO practice.appeals (id, user_id, filing_key, case_number, filed, created_at)
            VALUES (@id, @user, @key, @number, @filed::jsonb, @now)
            ON CONFLICT (user_id, filing_key) DO NOTHING
            """, cancellationToken);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("user", userId);
        insert.Parameters.AddWithValue("key", filingKey);
        insert.Parameters.AddWithValue("number", caseNumber);
        insert.Parameters.AddWithValue("filed", JsonSerializer.Serialize(filed, Json));
        insert.Parameters.AddWithValue("now", now);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return id;
        }

        return await db.Appeals.Where(a => a.UserId == userId && a.FilingKey == filingKey).Select(a => a.Id).SingleAsync(cancellationToken);
    }

    /// <summary>Records the withdrawal unless one is already there; false when another request withdrew it first.</summary>
    public async Task<bool> WithdrawAsync(Guid id, WithdrawnByAppellant withdrawn, CancellationToken cancellationToken) =>
        await db.Appeals.Where(a => a.Id == id && a.Withdrawn == null)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Withdrawn, JsonSerializer.Serialize(withdrawn, Json)), cancellationToken) == 1;

    public async Task AddDocumentAsync(PracticeDocument document, CancellationToken cancellationToken)
    {
        db.Documents.Add(document);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Marks the scenario done with its feedback; the first completion stands.</summary>
    public async Task CompleteAsync(Guid userId, PracticeScenario scenario, string feedback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = await session.CommandAsync(
            "INSERT INTO practice.completions (user_id, scenario, feedback, completed_at) VALUES (@user, @scenario, @feedback, @now) ON CONFLICT DO NOTHING",
            cancellationToken);
        insert.Parameters.AddWithValue("user", userId);
        insert.Parameters.AddWithValue("scenario", scenario.ToString());
        insert.Parameters.AddWithValue("feedback", feedback);
        insert.Parameters.AddWithValue("now", now);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<PracticeScenario, PracticeCompletion>> CompletionsAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Completions.AsNoTracking().Where(c => c.UserId == userId).ToDictionaryAsync(c => c.Scenario, cancellationToken);

    private static Appeal Fold(PracticeAppeal row)
    {
        var appeal = new Appeal();
        object[] events = row.Withdrawn is null
            ? [Deserialize<InformalAppealFiled>(row.Filed)]
            : [Deserialize<InformalAppealFiled>(row.Filed), Deserialize<WithdrawnByAppellant>(row.Withdrawn)];
        foreach (var @event in events)
        {
            appeal.When(@event);
        }

        return appeal;
    }

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;
}
