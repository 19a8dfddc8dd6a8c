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

    /// <summary>How often documents kept while clamd was down are scanned again.</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Production only: run without a scanner, documents stored and served as not scanned. Start-up logs a warning; without
    /// this, production refuses to start with no <see cref="Clamd"/> (ADR 0033).
    /// </summary>
    public bool AllowUnscanned { get; set; }

    public bool UsesFileSystem => string.Equals(Storage, "FileSystem", StringComparison.OrdinalIgnoreCase);
}
