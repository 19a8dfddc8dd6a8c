using Aims.BuildingBlocks.Persistence;
using Aims.Documents.Contracts;
using Npgsql;

namespace Aims.Documents.Listing;

/// <summary>
/// A document's row as downloads need it: where its bytes are and the safe name they are served under (the listing
/// shows the name as it was uploaded).
/// </summary>
internal sealed record StoredDocument(AppealDocument Listing, string SafeName, byte[] Sha256, string Storage, int ChunkBytes)
{
    public bool Servable => Serves(Listing);

    /// <summary>Only what was found clean, or stored where no scanner is configured, and still has its content.</summary>
    public static bool Serves(AppealDocument document) => document.Scan is (ScanStatus.Clean or ScanStatus.NotScanned) && document.Removed is null;
}

/// <summary>Reads <c>documents.documents</c>; the one place that maps its rows.</summary>
internal sealed class DocumentQueries(DbSession session)
{
    private const string Columns =
        "id, original_name, category, description, size_bytes, content_type, uploaded_by_name, uploaded_at, scan_status, sha256, storage, chunk_bytes, " +
        "superseded_at, superseded_by_name, superseded_reason, removed_at, removed_by_name, removed_reason, safe_name";

    public async Task<IReadOnlyList<StoredDocument>> ForAppealAsync(Guid appealId, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync(
            $"SELECT {Columns} FROM documents.documents WHERE appeal_id = @appeal ORDER BY uploaded_at, original_name", cancellationToken);
        command.Parameters.AddWithValue("appeal", appealId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<StoredDocument?> FindAsync(Guid appealId, Guid documentId, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync(
            $"SELECT {Columns} FROM documents.documents WHERE appeal_id = @appeal AND id = @id", cancellationToken);
        command.Parameters.AddWithValue("appeal", appealId);
        command.Parameters.AddWithValue("id", documentId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<StoredDocument>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var documents = new List<StoredDocument>();
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            documents.Add(new StoredDocument(
                new AppealDocument(
                    row.GetGuid(0),
                    row.GetString(1),
                    Enum.Parse<DocumentCategory>(row.GetString(2)),
                    row.IsDBNull(3) ? null : row.GetString(3),
                    row.GetInt64(4),
                    row.GetString(5),
                    row.GetString(6),
                    row.GetFieldValue<DateTimeOffset>(7),
                    Enum.Parse<ScanStatus>(row.GetString(8)),
                    Marked(row, 12, "Superseded"),
                    Marked(row, 15, "Removed under the retention schedule")),
                row.GetString(18),
                row.GetFieldValue<byte[]>(9),
                row.GetString(10),
                row.GetInt32(11)));
        }

        return documents;
    }

    // "Superseded on 12/01/2026 by Avery Quinn: a corrected copy was filed" from the at/by/reason columns at ordinal.
    private static string? Marked(NpgsqlDataReader row, int ordinal, string what) => row.IsDBNull(ordinal)
        ? null
        : $"{what} on {TimeZoneInfo.ConvertTime(row.GetFieldValue<DateTimeOffset>(ordinal), Eastern):MM/dd/yyyy} by {row.GetString(ordinal + 1)}: {row.GetString(ordinal + 2)}";

    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
}
