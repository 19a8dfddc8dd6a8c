using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Web;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aims.Appeals.Drafts;

/// <summary>
/// Moves a previous version's EF drafts table into Marten documents (ADR 0036) and drops it in one transaction, so a draft is
/// never in both places or neither; with the table gone a second run does nothing.
/// </summary>
internal sealed class DraftImport(NpgsqlDataSource dataSource, IDocumentStore store, ILogger<DraftImport> logger) : ISchemaStep
{
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var drafts = new List<AppealDraft>();
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('appeals.drafts') IS NOT NULL", connection, transaction))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }

        // Locked, so a host still on the previous version cannot add a draft between the copy and the drop.
        await using (var read = new NpgsqlCommand(
            "SELECT id, user_id, kind, form::text, created_at, updated_at FROM appeals.drafts ORDER BY id FOR UPDATE", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                drafts.Add(new AppealDraft
                {
                    Id = reader.GetGuid(0),
                    UserId = reader.GetGuid(1),
                    Kind = KindOf(reader.GetGuid(0), reader.GetString(2)),
                    Form = reader.GetString(3),
                    CreatedAt = reader.GetFieldValue<DateTimeOffset>(4),
                    UpdatedAt = reader.GetFieldValue<DateTimeOffset>(5),
                });
            }
        }

        await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            session.Store(drafts.ToArray());
            session.QueueSqlCommand("DROP TABLE appeals.drafts");
            await session.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Moved {Drafts} appeal drafts into Marten documents and dropped appeals.drafts", drafts.Count);
        return drafts.Count;
    }

    /// <summary>
    /// A kind this version does not know stops the upgrade with one line naming the row, and nothing moved: skipping it
    /// would drop a person's draft with the table.
    /// </summary>
    private static AppealKind KindOf(Guid draftId, string kind) =>
        Enum.TryParse<AppealKind>(kind, ignoreCase: false, out var known) && Enum.IsDefined(known)
            ? known
            : throw new StartupException(
                $"The draft {draftId} in appeals.drafts is of kind \"{kind}\", which this version does not know ({string.Join(", ", Enum.GetNames<AppealKind>())}): " +
                "correct or delete that row, then start the portal again. No draft was moved.");
}
