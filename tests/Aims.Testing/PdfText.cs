using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Aims.Testing;

/// <summary>
/// Reads back the words a PDF shows, the way a search index or a screen reader would (through the fonts' Unicode
/// maps, not the producer's own bookkeeping), so tests check what a person can read. Lines come out in drawing order,
/// one per line, page after page.
/// </summary>
public static class PdfText
{
    public static string Extract(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join('\n', document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)));
    }
}
