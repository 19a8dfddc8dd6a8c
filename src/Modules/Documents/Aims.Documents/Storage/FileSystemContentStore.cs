using Microsoft.Extensions.Options;

namespace Aims.Documents.Storage;

/// <summary>
/// Bytes in files under the configured root, one per document, named by its id (never by the uploaded name). A file is
/// written as <c>.part</c> and renamed when complete; the upload deletes it if its transaction does not commit.
/// </summary>
internal sealed class FileSystemContentStore(IOptions<DocumentOptions> options) : IContentStore
{
    public string Name => "FileSystem";

    public bool RollsBackWithTransaction => false;

    public int ChunkBytes => 81920;

    private string Root => options.Value.FileSystemRoot
        ?? throw new InvalidOperationException("Documents:FileSystemRoot must name a folder when Documents:Storage is FileSystem.");

    public Task<IContentWriter> CreateAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var path = PathOf(documentId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return Task.FromResult<IContentWriter>(new Writer(path));
    }

    public Task DeleteAsync(Guid documentId, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(documentId));
        return Task.CompletedTask;
    }

    public Task<Stream> OpenReadAsync(Guid documentId, long sizeBytes, int chunkBytes, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(PathOf(documentId), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));

    private string PathOf(Guid documentId)
    {
        var name = documentId.ToString("N");
        return Path.Combine(Root, name[..2], name);
    }

    private sealed class Writer(string path) : IContentWriter
    {
        private readonly FileStream file = new(path + ".part", FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);

        public Task WriteAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken) => file.WriteAsync(block, cancellationToken).AsTask();

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await file.FlushAsync(cancellationToken);
            await file.DisposeAsync();
            File.Move(path + ".part", path);
        }

        public async Task DiscardAsync()
        {
            await file.DisposeAsync();
            File.Delete(path + ".part");
            File.Delete(path);
        }

        public ValueTask DisposeAsync() => file.DisposeAsync();
    }
}
