namespace Aims.Documents.Storage;

/// <summary>Where document bytes live. Chosen by configuration (<see cref="DocumentOptions.Storage"/>).</summary>
internal interface IContentStore
{
    /// <summary>The name stored with each document, so documents written before a change of backend still open.</summary>
    string Name { get; }

    /// <summary>True when a rolled-back transaction takes the written bytes with it, so nothing needs discarding.</summary>
    bool RollsBackWithTransaction { get; }

    /// <summary>Size of the blocks the writer stores and the reader fetches.</summary>
    int ChunkBytes { get; }

    /// <summary>Starts writing a document's bytes inside the caller's transaction.</summary>
    Task<IContentWriter> CreateAsync(Guid documentId, CancellationToken cancellationToken);

    /// <summary>Deletes a document's bytes (retention); the row is the caller's.</summary>
    Task DeleteAsync(Guid documentId, CancellationToken cancellationToken);

    /// <summary>A seekable read-only stream over the stored bytes, so range requests need not read from the start.</summary>
    Task<Stream> OpenReadAsync(Guid documentId, long sizeBytes, int chunkBytes, CancellationToken cancellationToken);
}

internal interface IContentWriter : IAsyncDisposable
{
    Task WriteAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken);

    /// <summary>Everything written is flushed; the document row may now be inserted.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Removes what was written: the upload was refused, a duplicate, or its transaction rolled back.</summary>
    Task DiscardAsync();
}
