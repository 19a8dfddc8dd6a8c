using System.Security.Claims;
using System.Security.Cryptography;
using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Validation;
using Aims.Documents.Contracts;
using Aims.Documents.Scanning;
using Aims.Documents.Storage;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Npgsql;

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
/// Reads a multipart upload as it arrives and stores each file while it streams: the fields (category, description,
/// and for the page the antiforgery token) come first, then up to the configured number of files. Every block of a file
/// goes at once to the SHA-256, the virus scanner and the store, so memory stays flat however large the file. The whole
/// upload is one transaction: a refusal, a cut-off body or a failure anywhere keeps nothing, not even the files before it.
/// </summary>
internal sealed class DocumentUpload(
    IMediator mediator, DbSession session, ContentStores stores, ClamdScanner scanner, IMessageBus bus, IOptions<DocumentOptions> options, TimeProvider time,
    IStringLocalizer<DocumentsText> t)
{
    private const int FieldLimit = 4096;

    private readonly IContentStore store = stores.Current;
    private const int BlockBytes = 64 * 1024;

    /// <param name="verifyToken">
    /// For the page: checks the antiforgery token, which must be the first field, before any file is read.
    /// </param>
    public async Task<IReadOnlyList<UploadedDocument>> UploadAsync(
        HttpRequest request, Guid appealId, Uploader uploader, Func<string, Task>? verifyToken, CancellationToken cancellationToken)
    {
        var access = await mediator.Send(new GetAppealAccess(appealId, uploader.UserId), cancellationToken);
        if (!access.CanRead)
        {
            throw new UploadRefusedException(StatusCodes.Status404NotFound, t["No such appeal."]);
        }

        if (!access.CanAddDocuments)
        {
            throw new UploadRefusedException(StatusCodes.Status403Forbidden, t["You may read this appeal but not add documents to it."]);
        }

        var limits = options.Value;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = (limits.MaxFileBytes * limits.MaxFilesPerUpload) + (1024 * 1024);
        }

        var boundary = Boundary(request);
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        var written = new List<IContentWriter>();
        await session.BeginAsync(cancellationToken);
        try
        {
            var stored = await ReadSectionsAsync(reader, appealId, uploader, verifyToken, written, cancellationToken);
            await session.CommitAsync(cancellationToken);
            return stored;
        }
        catch (Exception failure)
        {
            await session.RollbackAsync();
            if (!store.RollsBackWithTransaction)
            {
                foreach (var writer in written)
                {
                    await writer.DiscardAsync();
                }
            }

            if (Refusal(failure) is { } refusal)
            {
                throw refusal;
            }

            throw;
        }
    }

    /// <summary>A document the portal issues: checked, hashed and stored as an upload is, in the caller's transaction.</summary>
    public async Task<UploadedDocument> StoreIssuedAsync(
        ReadOnlyMemory<byte> content, string name, Guid appealId, DocumentCategory category, string description, Uploader issuer, CancellationToken cancellationToken)
    {
        var written = new List<IContentWriter>();
        try
        {
            await using var body = new MemoryStream(content.ToArray(), writable: false);
            return await StoreFileAsync(body, name, appealId, category, description, issuer, written, cancellationToken);
        }
        catch when (!store.RollsBackWithTransaction)
        {
            foreach (var writer in written)
            {
                await writer.DiscardAsync();
            }

            throw;
        }
    }

    private UploadRefusedException? Refusal(Exception failure) => failure switch
    {
        UploadRefusedException refused => refused,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new UploadRefusedException(
            StatusCodes.Status413PayloadTooLarge,
            t["The upload is larger than {0} files of {1} each.", options.Value.MaxFilesPerUpload, ByteSizes.Describe(options.Value.MaxFileBytes)]),
        // A body that ends early surfaces as an IOException in a file's bytes, or as a malformed header when it ends
        // among a part's headers.
        IOException or InvalidDataException or BadHttpRequestException =>
            new UploadRefusedException(StatusCodes.Status400BadRequest, t["The upload was cut off or garbled before it ended. Nothing was kept; send it again."]),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => new UploadRefusedException(
            StatusCodes.Status409Conflict, t["The same file was being added to this appeal at the same moment. Reload the appeal to see it."]),
        _ => null,
    };

    private async Task<IReadOnlyList<UploadedDocument>> ReadSectionsAsync(
        MultipartReader reader, Guid appealId, Uploader uploader, Func<string, Task>? verifyToken, List<IContentWriter> written, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var tokenChecked = verifyToken is null;
        DocumentCategory? category = null;
        string? description = null;
        var stored = new List<UploadedDocument>();
        var files = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Each part of the upload must be a form field or a file."]);
            }

            var name = disposition.Name.Value ?? "";
            if (!disposition.IsFileDisposition())
            {
                var value = await FieldAsync(section, name, cancellationToken);
                switch (name)
                {
                    case "__RequestVerificationToken" when verifyToken is not null:
                        await verifyToken(value);
                        tokenChecked = true;
                        break;
                    case "category":
                        category = Enum.TryParse<DocumentCategory>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                            ? parsed
                            : throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Choose what the documents are ({0}).", string.Join(", ", Enum.GetNames<DocumentCategory>())], "category");
                        break;
                    case "description":
                        description = string.IsNullOrWhiteSpace(value) ? null
                            : TextCharacters.Problem(value) is not null
                                ? throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Remove the control characters or hidden direction marks from the description."], "description")
                            : value.Trim().Length <= 500 ? value.Trim()
                            : throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Enter a description of at most 500 characters."], "description");
                        break;
                }

                continue;
            }

            if (!tokenChecked)
            {
                throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["The form's security token must come before the files. Reload the page and try again."]);
            }

            if (category is null)
            {
                throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Choose what the documents are before the files (the category field comes first)."], "category");
            }

            var fileName = (disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value)?.Trim('"') ?? "";
            if (fileName.Length == 0 && section.Body.ReadByte() == -1)
            {
                continue; // A file input left empty sends a part with no name and no bytes.
            }

            if (++files > limits.MaxFilesPerUpload)
            {
                throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Send at most {0} files at a time.", limits.MaxFilesPerUpload], "files");
            }

            stored.Add(await StoreFileAsync(section.Body, fileName, appealId, category.Value, description, uploader, written, cancellationToken));
        }

        return stored.Count > 0
            ? stored
            : throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Choose at least one file to upload."], "files");
    }

    private async Task<UploadedDocument> StoreFileAsync(
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

    private async Task<string> FieldAsync(MultipartSection section, string name, CancellationToken cancellationToken)
    {
        var buffer = new char[FieldLimit + 1];
        using var text = new StreamReader(section.Body);
        var length = await text.ReadBlockAsync(buffer, cancellationToken);
        return length <= FieldLimit
            ? new string(buffer, 0, length)
            : throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["The field {0} is too long.", name], name);
    }

    private static string Boundary(HttpRequest request)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200
            ? throw new UploadRefusedException(StatusCodes.Status415UnsupportedMediaType, "Send the files as multipart/form-data.")
            : boundary;
    }

}

internal sealed class StoreIssuedDocumentHandler(DocumentUpload upload) : IRequestHandler<StoreIssuedDocument, Guid>
{
    public async Task<Guid> Handle(StoreIssuedDocument request, CancellationToken cancellationToken) =>
        (await upload.StoreIssuedAsync(
            request.Content, request.FileName, request.AppealId, request.Category, request.Description, new Uploader(request.IssuedBy, request.IssuedByName), cancellationToken)).Id;
}
