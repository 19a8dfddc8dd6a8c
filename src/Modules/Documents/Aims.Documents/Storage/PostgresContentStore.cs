using Aims.BuildingBlocks.Persistence;
using NpgsqlTypes;

namespace Aims.Documents.Storage;

/// <summary>
/// Bytes in <c>documents.chunks</c>, 1 MiB per row, inserted in the upload's transaction: a rolled-back upload leaves
/// nothing, and memory stays at one chunk whatever the file's size.
/// </summary>
internal sealed class PostgresContentStore(DbSession session) : IContentStore
{
    public string Name => "PostgreSql";

    public bool RollsBackWithTransaction => true;

    public int ChunkBytes => 1024 * 1024;

    public Task<IContentWriter> CreateAsync(Guid documentId, CancellationToken cancellationToken) =>
        Task.FromResult<IContentWriter>(new Writer(this, session, documentId, ChunkBytes));

    public async Task DeleteAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync("DELETE FROM documents.chunks WHERE document_id = @id", cancellationToken);
        command.Parameters.AddWithValue("id", documentId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<Stream> OpenReadAsync(Guid documentId, long sizeBytes, int chunkBytes, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new ChunkStream(session, documentId, sizeBytes, chunkBytes));

    private sealed class Writer(PostgresContentStore store, DbSession session, Guid documentId, int chunkBytes) : IContentWriter
    {
        private readonly byte[] buffer = new byte[chunkBytes];
        private int filled;
        private int sequence;

        public async Task WriteAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
        {
            while (block.Length > 0)
            {
                var take = Math.Min(block.Length, buffer.Length - filled);
                block[..take].CopyTo(buffer.AsMemory(filled));
                filled += take;
                block = block[take..];
                if (filled == buffer.Length)
                {
                    await FlushAsync(cancellationToken);
                }
            }
        }

        public Task CompleteAsync(CancellationToken cancellationToken) => filled > 0 ? FlushAsync(cancellationToken) : Task.CompletedTask;

        public Task DiscardAsync() => store.DeleteAsync(documentId, CancellationToken.None);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            session.RequireTransaction("Storing a document");
            await using var command = await session.CommandAsync(
                "INSERT INTO documents.chunks (document_id, seq, data) VALUES (@id, @seq, @data)", cancellationToken);
            command.Parameters.AddWithValue("id", documentId);
            command.Parameters.AddWithValue("seq", sequence++);
            command.Parameters.Add(new Npgsql.NpgsqlParameter("data", NpgsqlDbType.Bytea) { Value = new ArraySegment<byte>(buffer, 0, filled) });
            await command.ExecuteNonQueryAsync(cancellationToken);
            filled = 0;
        }
    }

    /// <summary>Reads the chunk under the position on demand; one chunk in memory at a time.</summary>
    private sealed class ChunkStream(DbSession session, Guid documentId, long length, int chunkBytes) : Stream
    {
        private byte[]? chunk;
        private long chunkIndex = -1;
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => position;
            set => position = Math.Clamp(value, 0, length);
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
        {
            if (position >= length || destination.Length == 0)
            {
                return 0;
            }

            var index = position / chunkBytes;
            if (index != chunkIndex)
            {
                chunk = await FetchAsync(index, cancellationToken);
                chunkIndex = index;
            }

            var within = (int)(position - (index * chunkBytes));
            var count = Math.Min(destination.Length, chunk!.Length - within);
            chunk.AsMemory(within, count).CopyTo(destination);
            position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private async Task<byte[]> FetchAsync(long index, CancellationToken cancellationToken)
        {
            await using var command = await session.CommandAsync(
                "SELECT data FROM documents.chunks WHERE document_id = @id AND seq = @seq", cancellationToken);
            command.Parameters.AddWithValue("id", documentId);
            command.Parameters.AddWithValue("seq", (int)index);
            return await command.ExecuteScalarAsync(cancellationToken) as byte[]
                ?? throw new InvalidDataException($"Document {documentId} has no chunk {index}.");
        }
    }
}
