using Microsoft.Extensions.Options;

namespace Aims.Documents.Storage;

/// <summary>The backend new documents go to, and the one each stored document names.</summary>
internal sealed class ContentStores(PostgresContentStore database, FileSystemContentStore files, IOptions<DocumentOptions> options)
{
    public IContentStore Current => options.Value.UsesFileSystem ? files : database;

    public IContentStore For(string name) => name == files.Name ? files : database;
}
