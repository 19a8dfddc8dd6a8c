namespace Aims.Documents;

/// <summary>The "Documents" configuration section.</summary>
internal sealed class DocumentOptions
{
    public const string Section = "Aims:Documents";

    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    public int MaxFilesPerUpload { get; set; } = 20;

    /// <summary>"PostgreSql" (content in the database, default) or "FileSystem" (content under <see cref="FileSystemRoot"/>).</summary>
    public string Storage { get; set; } = "PostgreSql";

    public string? FileSystemRoot { get; set; }

    /// <summary>clamd's TCP address as host:port; empty means documents are stored as not scanned.</summary>
    public string? Clamd { get; set; }

    public bool UsesFileSystem => string.Equals(Storage, "FileSystem", StringComparison.OrdinalIgnoreCase);
}
