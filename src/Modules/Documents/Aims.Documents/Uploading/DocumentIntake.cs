using System.Security.Claims;
using System.Security.Cryptography;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Validation;
using Aims.Documents.Contracts;
using Aims.Documents.Scanning;
using Aims.Documents.Storage;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Documents.Uploading;

/// <summary>Who is uploading, as the claims say.</summary>
internal sealed record Uploader(Guid UserId, string Name)
{
    public static Uploader From(ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
        user.FindFirstValue(AimsClaimTypes.DisplayName) ?? user.Identity?.Name ?? "");
}

/// <summary>One file of an upload as stored, or as the earlier document it duplicates.</summary>
internal sealed record UploadedDocument(Guid Id, string Name, DocumentCategory Category, long SizeBytes, ScanStatus Scan, bool Duplicate);

/// <summary>
/// The storage half of an upload, for a stream from anywhere (a multipart request, a PDF the portal issues): name and
/// type checks, hash, virus scan, store, dedupe, the document row and <see cref="DocumentAdded"/>, in the caller's transaction.
/// </summary>
internal sealed class DocumentIntake(
    DbSession session, ContentStores stores, ClamdScanner scanner, IOutbox bus, IOptions<DocumentOptions> options, TimeProvider time,
    IStringLocalizer<DocumentsText> t)
{
    private const int BlockBytes = 64 * 1024;

    private readonly IContentStore store = stores.Current;

    /// <summary>A document the portal issues: checked, hashed and stored as an upload is, in the caller's transaction.</summary>
    public async Task<UploadedDocument> StoreIssuedAsync(
        ReadOnlyMemory<byte> content, string name, Guid appealId, DocumentCategory category, string description, Uploader issuer, CancellationToken cancellationToken)
    {
        var written = new List<IContentWriter>();
        try
        {
            await using var body = new MemoryStream(content.ToArray(), writable: false);
            return await StoreAsync(body, name, appealId, category, description, issuer, written, cancellationToken);
        }
        catch
        {
            await DiscardAsync(written);
            throw;
        }
    }

    /// <summary>Removes what a failed upload wrote, when the store keeps files outside the transaction.</summary>
    public async Task DiscardAsync(IEnumerable<IContentWriter> written)
    {
        if (!store.RollsBackWithTransaction)
        {
            foreach (var writer in written)
            {
                await writer.DiscardAsync();
            }
        }
    }

    /// <summary>
    /// Streams one file through SHA-256, virus scan and store at once (memory stays flat) after checking its name and first bytes;
    /// a duplicate on the appeal is answered with the existing one. Adds <see cref="IContentWriter"/>s to <paramref name="written"/>.
    /// </summary>
    public async Task<UploadedDocument> StoreAsync(
        Stream body, string originalName, Guid appealId, DocumentCategory category, string? description, Uploader uploader,
        List<IContentWriter> written, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (originalName.Length == 0)
        {
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Each file needs a name."], "files");
        }

        // PostgreSQL refuses a NUL, and a right-to-left override makes "invoice‮fdp.exe" read as a PDF.
        if (TextCharacters.Problem(originalName) is not null)
        {
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["The file name “{0}” contains control characters or hidden direction marks. Rename the file and send it again.", FileNames.Safe(originalName)], "files");
        }

        if (FileNames.HasPath(originalName))
        {
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["The file name “{0}” contains a folder path. Send the file by its name alone.", originalName], "files");
        }

        var type = FileTypes.ByName(originalName)
            ?? throw new UploadRefusedException(StatusCodes.Status415UnsupportedMediaType, t["“{0}” is not a type the Appeals Division accepts. Send {1}.", originalName, FileTypes.Names], "files");
        var safeName = FileNames.Safe(originalName);

        var id = Guid.CreateVersion7();
        var buffer = new byte[BlockBytes];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var scan = await scanner.BeginAsync(cancellationToken);
        var writer = await store.CreateAsync(id, cancellationToken);
        written.Add(writer);
        long size = 0;
        var sniffed = false;
        while (true)
        {
            // Fill the first block up to the sniffing window so the type is checked before a byte is stored.
            var read = sniffed ? await body.ReadAsync(buffer, cancellationToken) : await body.ReadAtLeastAsync(buffer, FileTypes.SniffBytes, throwOnEndOfStream: false, cancellationToken);
            if (!sniffed)
            {
                if (read == 0)
                {
                    throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["“{0}” is empty.", originalName], "files");
                }

                if (!type.Matches(buffer.AsMemory(0, Math.Min(read, FileTypes.SniffBytes))))
                {
                    throw new UploadRefusedException(
                        StatusCodes.Status415UnsupportedMediaType, t["“{0}” is not really a {1} file: its content does not match its name. Send {2}.", originalName, type.Name, FileTypes.Names], "files");
                }

                sniffed = true;
            }

            if (read == 0)
            {
                break;
            }

            size += read;
            if (size > limits.MaxFileBytes)
            {
                throw new UploadRefusedException(StatusCodes.Status413PayloadTooLarge, t["“{0}” is larger than the limit of {1} per file.", originalName, ByteSizes.Describe(limits.MaxFileBytes)], "files");
            }

            var block = buffer.AsMemory(0, read);
            hash.AppendData(block.Span);
            await scan.SendAsync(block, cancellationToken);
            await writer.WriteAsync(block, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
        var sha256 = hash.GetHashAndReset();
        if (await ExistingAsync(appealId, sha256, cancellationToken) is { } existing)
        {
            await writer.DiscardAsync();
            written.Remove(writer);
            return existing;
        }

        var verdict = await scan.VerdictAsync(cancellationToken);
        var now = time.GetUtcNow();
        await using (var insert = await session.CommandAsync(
            """
            INSERT INTO documents.documents (id, appeal_id, category, description, original_name, safe_name, content_type, size_bytes, sha256,
                storage, chunk_bytes, scan_status, scan_detail, scanned_at, uploaded_by, uploaded_by_name, uploaded_at)
            VALUES (@id, @appeal, @category, @description, @original, @safe, @type, @size, @sha, @storage, @chunk, @scan, @detail, @scannedAt, @by, @byName, @at)
            """,
            cancellationToken))
        {
            var p = insert.Parameters;
            p.AddWithValue("id", id);
            p.AddWithValue("appeal", appealId);
            p.AddWithValue("category", category.ToString());
            p.AddWithValue("description", (object?)description ?? DBNull.Value);
            p.AddWithValue("original", originalName);
            p.AddWithValue("safe", safeName);
            p.AddWithValue("type", type.ContentType);
            p.AddWithValue("size", size);
            p.AddWithValue("sha", sha256);
            p.AddWithValue("storage", store.Name);
            p.AddWithValue("chunk", store.ChunkBytes);
            p.AddWithValue("scan", verdict.Status.ToString());
            p.AddWithValue("detail", (object?)verdict.Detail ?? DBNull.Value);
            p.AddWithValue("scannedAt", verdict.Status is ScanStatus.Clean or ScanStatus.Infected ? now : DBNull.Value);
            p.AddWithValue("by", uploader.UserId);
            p.AddWithValue("byName", uploader.Name);
            p.AddWithValue("at", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await bus.PublishAsync(new DocumentAdded(appealId, id, category, safeName, uploader.UserId, uploader.Name, now), cancellationToken);
        return new UploadedDocument(id, safeName, category, size, verdict.Status, Duplicate: false);
    }

    private async Task<UploadedDocument?> ExistingAsync(Guid appealId, byte[] sha256, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync(
            "SELECT id, safe_name, category, size_bytes, scan_status FROM documents.documents WHERE appeal_id = @appeal AND sha256 = @sha", cancellationToken);
        command.Parameters.AddWithValue("appeal", appealId);
        command.Parameters.AddWithValue("sha", sha256);
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        return await row.ReadAsync(cancellationToken)
            ? new UploadedDocument(row.GetGuid(0), row.GetString(1), Enum.Parse<DocumentCategory>(row.GetString(2)), row.GetInt64(3), Enum.Parse<ScanStatus>(row.GetString(4)), Duplicate: true)
            : null;
    }
}

internal sealed class StoreIssuedDocumentHandler(DocumentIntake intake) : IRequestHandler<StoreIssuedDocument, Guid>
{
    public async Task<Guid> Handle(StoreIssuedDocument request, CancellationToken cancellationToken) =>
        (await intake.StoreIssuedAsync(
            request.Content, request.FileName, request.AppealId, request.Category, request.Description, new Uploader(request.IssuedBy, request.IssuedByName), cancellationToken)).Id;
}
