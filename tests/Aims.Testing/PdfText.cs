using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Aims.Testing;

/// <summary>
/// The words a PDF shows, read through the fonts' Unicode maps as a screen reader would, in drawing order, one per line.
/// </summary>
public static class PdfText
{
    public static string Extract(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join('\n', document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)));
    }
}
