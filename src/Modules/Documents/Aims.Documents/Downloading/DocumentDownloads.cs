using System.IO.Compression;
using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Persistence;
using Aims.Documents.Listing;
using Aims.Documents.Storage;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Aims.Documents.Downloading;

/// <summary>
/// Serves a document, or an appeal's documents as one zip, to a party of the appeal: streamed (ranges seek), each
/// download recorded; an infected one is a 404, as for a stranger.
/// </summary>
internal sealed class DocumentDownloads(IMediator mediator, DocumentQueries queries, ContentStores stores, DbSession session, TimeProvider time)
{
    public async Task<IResult> DocumentAsync(Guid appealId, Guid documentId, Guid userId, CancellationToken cancellationToken)
    {
        if (!await MayReadAsync(appealId, userId, cancellationToken)
            || await queries.FindAsync(appealId, documentId, cancellationToken) is not { Servable: true } document)
        {
            return NotFound();
        }

        await AuditAsync([document], userId, asZip: false, cancellationToken);
        var listing = document.Listing;
        var content = await stores.For(document.Storage).OpenReadAsync(listing.Id, listing.SizeBytes, document.ChunkBytes, cancellationToken);
        return TypedResults.File(
            content,
            listing.ContentType,
            document.SafeName,
            lastModified: listing.UploadedAt,
            entityTag: new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(document.Sha256)}\""),
            enableRangeProcessing: true);
    }

    public async Task<IResult> ZipAsync(Guid appealId, Guid userId, string zipName, CancellationToken cancellationToken)
    {
        if (!await MayReadAsync(appealId, userId, cancellationToken))
        {
            return NotFound();
        }

        var documents = (await queries.ForAppealAsync(appealId, cancellationToken)).Where(d => d.Servable).ToList();
        await AuditAsync(documents, userId, asZip: true, cancellationToken);
        return Results.Stream(
            body => WriteZipAsync(body, documents, cancellationToken),
            "application/zip",
            zipName);
    }

    private async Task WriteZipAsync(Stream body, IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var output = new DrainedOutput(body);
        var block = new byte[81920];
        await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            foreach (var document in documents)
            {
                var listing = document.Listing;
                var entry = zip.CreateEntry(UniqueName(document.SafeName, used), CompressionLevel.Fastest);
                entry.LastWriteTime = listing.UploadedAt;
                await using var target = await entry.OpenAsync(cancellationToken);
                await using var source = await stores.For(document.Storage).OpenReadAsync(listing.Id, listing.SizeBytes, document.ChunkBytes, cancellationToken);
                int read;
                while ((read = await source.ReadAsync(block, cancellationToken)) > 0)
                {
                    await target.WriteAsync(block.AsMemory(0, read), cancellationToken);
                    await output.DrainAsync(cancellationToken);
                }
            }
        }

        await output.DrainAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the zip writer's writes, some of which are synchronous whatever API is called, and hands them to the response
    /// asynchronously after each block, so no request thread blocks on the network and memory stays at about one block.
    /// </summary>
    private sealed class DrainedOutput(Stream body) : Stream
    {
        private readonly MemoryStream pending = new();
        private long written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => written;
            set => throw new NotSupportedException();
        }

        public async Task DrainAsync(CancellationToken cancellationToken)
        {
            if (pending.Length == 0)
            {
                return;
            }

            await body.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
            pending.SetLength(0);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            pending.Write(buffer, offset, count);
            written += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            pending.Write(buffer);
            written += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    // Two documents may share a name ("letter.pdf" uploaded twice with different content); a zip needs distinct entries.
    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}";
        }

        return candidate;
    }

    private async Task<bool> MayReadAsync(Guid appealId, Guid userId, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetAppealAccess(appealId, userId), cancellationToken)).CanRead;

    private async Task AuditAsync(IReadOnlyList<StoredDocument> documents, Guid userId, bool asZip, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }

        await using var command = await session.CommandAsync(
            "INSERT INTO documents.downloads (document_id, user_id, downloaded_at, as_zip) SELECT unnest(@ids), @user, @at, @zip", cancellationToken);
        command.Parameters.AddWithValue("ids", documents.Select(d => d.Listing.Id).ToArray());
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("at", time.GetUtcNow());
        command.Parameters.AddWithValue("zip", asZip);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "No such document.");
}
