using System.Text;

namespace Aims.Documents.Uploading;

/// <summary>One type the division accepts: the extensions it goes by and how its first bytes must look.</summary>
internal sealed record FileType(string Name, string ContentType, string[] Extensions, Func<ReadOnlyMemory<byte>, bool> Matches);

/// <summary>
/// The allowed types, checked by content as well as by name: a file is accepted when its extension names a type and its
/// first bytes are that type's, so an executable renamed to .pdf is refused.
/// </summary>
internal static class FileTypes
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int SniffBytes = 4096;

    public static IReadOnlyList<FileType> All { get; } =
    [
        new("PDF", "application/pdf", [".pdf"], b => StartsWith(b, "%PDF-"u8)),
        new("JPEG", "image/jpeg", [".jpg", ".jpeg"], b => StartsWith(b, [0xFF, 0xD8, 0xFF])),
        new("PNG", "image/png", [".png"], b => StartsWith(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        new("TIFF", "image/tiff", [".tif", ".tiff"], b => StartsWith(b, "II*\0"u8) || StartsWith(b, "MM\0*"u8)),
        // Office Open XML files are zip archives; the first entry names the package's parts.
        new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], b => StartsWith(b, "PK\u0003\u0004"u8)),
        new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], b => StartsWith(b, "PK\u0003\u0004"u8)),
        new("plain text", "text/plain; charset=utf-8", [".txt"], IsText),
    ];

    public static IReadOnlyList<string> Extensions { get; } = All.SelectMany(t => t.Extensions).ToList();

    public static string Names => string.Join(", ", All.Select(t => t.Name));

    public static FileType? ByName(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return All.FirstOrDefault(t => t.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
    }

    private static bool StartsWith(ReadOnlyMemory<byte> content, ReadOnlySpan<byte> magic) => content.Span.StartsWith(magic);

    // Text is UTF-8 (or ASCII) without NULs or other binary control bytes; a cut in the middle of a character at the
    // end of the sniffed window is allowed.
    private static bool IsText(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        foreach (var b in span)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D))
            {
                return false;
            }
        }

        var decoder = new UTF8Encoding(false, true).GetDecoder();
        try
        {
            decoder.GetCharCount(span, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
