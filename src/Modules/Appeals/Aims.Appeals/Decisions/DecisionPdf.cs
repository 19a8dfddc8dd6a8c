using System.Buffers;
using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Aims.Appeals.Decisions;

internal sealed record DecisionPdfContent(string Title, string CaseNumber, string AppellantName, DateOnly IssuedOn, string IssuedBy,
    IReadOnlyList<DecisionPdfSection> Sections);

internal sealed record DecisionPdfSection(string Heading, string Body);

/// <summary>
/// Any letter the division's PDF writer lays out: a title, labelled facts, then sections. A decision is one; the
/// filing receipt (issue 22) another, with its labels in the filer's language.
/// </summary>
internal sealed record PdfLetter(
    string Title, string Subject, string CaseNumber, IReadOnlyList<(string Label, string Value)> Fields, IReadOnlyList<DecisionPdfSection> Sections,
    PdfLetterWords? Words = null);

/// <summary>
/// The writer's own words — the letterhead and the footer's case and page lines — so a letter to a Spanish reader has
/// no English left in it; a decision keeps the English ones (ADR 0019).
/// </summary>
internal sealed record PdfLetterWords(string Letterhead, Func<string, string> CaseLine, Func<int, int, string> PageLine)
{
    public const string EnglishLetterhead = "Commonwealth of Virginia — Department of Medical Assistance Services — Appeals Division";

    public static readonly PdfLetterWords English = new(
        EnglishLetterhead, caseNumber => $"Case {caseNumber}", (page, count) => string.Create(CultureInfo.InvariantCulture, $"Page {page} of {count}"));
}

/// <summary>
/// Draws the decision letter with PdfPig (Apache-2.0; PDFsharp is AGPL) and an embedded Arimo subset with a ToUnicode map,
/// so a host without fonts can issue it and the text stays searchable and accessible. See ADR 0019.
/// </summary>
internal sealed class DecisionPdf
{
    private static readonly byte[] RegularFont = LoadFont("Arimo-Regular");
    private static readonly byte[] BoldFont = LoadFont("Arimo-Bold");

    public byte[] Render(DecisionPdfContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Render(new PdfLetter(
            content.Title, $"Appeal decision, case {content.CaseNumber}", content.CaseNumber,
            [
                ("Case number", content.CaseNumber), ("Appellant", content.AppellantName),
                ("Date issued", content.IssuedOn.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)), ("Issued by", content.IssuedBy),
            ],
            content.Sections));
    }

    public byte[] Render(PdfLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);

        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = letter.Title;
        builder.DocumentInformation.Subject = letter.Subject;
        builder.DocumentInformation.Creator = "AIMS Appeals Division";
        builder.DocumentInformation.Producer = "AIMS";

        var words = letter.Words ?? PdfLetterWords.English;
        var pages = new PageCursor(builder, builder.AddTrueTypeFont(RegularFont), builder.AddTrueTypeFont(BoldFont));
        pages.Paragraph(words.Letterhead, pages.Regular, 9, spaceAfter: 10);
        pages.Paragraph(letter.Title, pages.Bold, 16, spaceAfter: 6);
        pages.Rule();
        foreach (var (label, value) in letter.Fields)
        {
            pages.Field(label, value);
        }

        pages.Rule();

        foreach (var section in letter.Sections)
        {
            pages.Heading(section.Heading);
            foreach (var paragraph in section.Body.ReplaceLineEndings("\n")
                         .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                pages.Paragraph(paragraph, pages.Regular, PageCursor.BodySize, spaceAfter: 6);
            }
        }

        pages.Footers(words.CaseLine(letter.CaseNumber), words.PageLine);
        return builder.Build();
    }

    private static byte[] LoadFont(string face)
    {
        using var stream = typeof(DecisionPdf).Assembly.GetManifestResourceStream($"Aims.Appeals.Decisions.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The embedded font {face} is missing from {typeof(DecisionPdf).Assembly.GetName().Name}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>
    /// Lays lines top to bottom on letter-size pages (PDF space: points, origin at the bottom left), starting a new
    /// page when the next block would not fit.
    /// </summary>
    private sealed class PageCursor
    {
        public const double BodySize = 10.5;

        private const double Margin = 72;
        private const double Right = 612 - Margin;
        private const double TextWidth = Right - Margin;
        private const double Top = 792 - Margin;
        private const double FooterBaseline = 40;
        private const double LabelWidth = 96;
        private const double HeadingSize = 12;
        private const double FooterSize = 8.5;
        private const double Leading = 1.25;
        private const double Ascent = 0.905;

        private readonly PdfDocumentBuilder builder;
        private readonly List<PdfPageBuilder> pages = [];
        private PdfPageBuilder page;
        private double y;

        public PageCursor(PdfDocumentBuilder builder, PdfDocumentBuilder.AddedFont regular, PdfDocumentBuilder.AddedFont bold)
        {
            this.builder = builder;
            Regular = regular;
            Bold = bold;
            page = NewPage();
        }

        public PdfDocumentBuilder.AddedFont Regular { get; }

        public PdfDocumentBuilder.AddedFont Bold { get; }

        public void Paragraph(string text, PdfDocumentBuilder.AddedFont font, double size, double spaceAfter)
        {
            text = WinAnsiText.From(text);
            font = Face(text, font);
            foreach (var line in Wrap(text, font, size, TextWidth))
            {
                DrawLine(line, font, size, Margin);
            }

            y -= spaceAfter;
        }

        public void Heading(string text)
        {
            text = WinAnsiText.From(text);
            var font = Face(text, Bold);
            var lines = Wrap(text, font, HeadingSize, TextWidth);
            // Keep the heading with the first line of its body.
            Reserve(8 + (lines.Count * HeadingSize + BodySize) * Leading);
            y -= 8;
            foreach (var line in lines)
            {
                DrawLine(line, font, HeadingSize, Margin);
            }

            y -= 3;
        }

        public void Field(string label, string value)
        {
            var lines = Wrap(WinAnsiText.From(value), Regular, BodySize, TextWidth - LabelWidth);
            Reserve(BodySize * Leading);
            var labelText = WinAnsiText.From($"{label}:");
            page.AddText(labelText, BodySize, new PdfPoint(Margin, y - BodySize * Ascent), Face(labelText, Bold));
            foreach (var line in lines)
            {
                DrawLine(line, Regular, BodySize, Margin + LabelWidth);
            }

            y -= 2;
        }

        public void Rule()
        {
            Reserve(12);
            y -= 4;
            page.SetStrokeColor(128, 128, 128);
            page.DrawLine(new PdfPoint(Margin, y), new PdfPoint(Right, y), 0.75);
            page.ResetColor();
            y -= 8;
        }

        public void Footers(string caseLine, Func<int, int, string> pageLine)
        {
            var left = WinAnsiText.From(caseLine);
            foreach (var footer in pages)
            {
                var number = WinAnsiText.From(pageLine(footer.PageNumber, pages.Count));
                footer.SetTextAndFillColor(96, 96, 96);
                footer.AddText(left, FooterSize, new PdfPoint(Margin, FooterBaseline), Regular);
                footer.AddText(number, FooterSize, new PdfPoint(Right - Width(number, Regular, FooterSize), FooterBaseline), Regular);
                footer.ResetColor();
            }
        }

        private void DrawLine(string line, PdfDocumentBuilder.AddedFont font, double size, double x)
        {
            Reserve(size * Leading);
            page.AddText(line, size, new PdfPoint(x, y - size * Ascent), font);
            y -= size * Leading;
        }

        private void Reserve(double height)
        {
            if (y - height < Margin)
            {
                page = NewPage();
            }
        }

        private PdfPageBuilder NewPage()
        {
            var added = builder.AddPage(PageSize.Letter);
            pages.Add(added);
            y = Top;
            return added;
        }

        /// <summary>
        /// The bold subset's accented capitals (Á, É, Ñ, Ú, …) are glyphs PdfPig 0.1.16 cannot draw (it throws), which a
        /// Spanish heading such as "Último día" meets: such a line is drawn in the regular face, spelled right, instead.
        /// </summary>
        private PdfDocumentBuilder.AddedFont Face(string text, PdfDocumentBuilder.AddedFont font) =>
            font == Bold && text.AsSpan().IndexOfAny(BoldLacks) >= 0 ? Regular : font;

        private static readonly SearchValues<char> BoldLacks = SearchValues.Create("ÀÁÂÃÄÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŠŽŸ");

        private List<string> Wrap(string text, PdfDocumentBuilder.AddedFont font, double size, double width)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Width(candidate, font, size) <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                // A word wider than the line (a long reference number, a URL) is broken wherever it has to be.
                foreach (var ch in word)
                {
                    if (line.Length > 0 && Width($"{line}{ch}", font, size) > width)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }

                    line.Append(ch);
                }
            }

            if (line.Length > 0 || lines.Count == 0)
            {
                lines.Add(line.ToString());
            }

            return lines;
        }

        private double Width(string text, PdfDocumentBuilder.AddedFont font, double size)
        {
            var letters = page.MeasureText(text, size, new PdfPoint(0, 0), font);
            return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X;
        }
    }

    /// <summary>
    /// Narrows text to the Windows-1252 repertoire the embedded font subset covers: anything else becomes "?", one per
    /// character, instead of a missing glyph or an exception.
    /// </summary>
    private static class WinAnsiText
    {
        private const string AboveLatin1 = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

        public static string From(string text)
        {
            var result = new StringBuilder(text.Length);
            foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
            {
                result.Append(rune.Value switch
                {
                    '\t' or '\n' or '\r' => ' ',
                    >= 0x20 and <= 0x7E or >= 0xA0 and <= 0xFF => (char)rune.Value,
                    <= 0xFFFF when AboveLatin1.Contains((char)rune.Value) => (char)rune.Value,
                    _ => '?',
                });
            }

            return result.ToString();
        }
    }
}
