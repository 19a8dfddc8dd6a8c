using Aims.Appeals.Decisions;
using Aims.Testing;
using UglyToad.PdfPig;

namespace Aims.IntegrationTests.Appeals;

/// <summary>The decision letter as a PDF: what a reader (or a search index) can get back out of it.</summary>
public sealed class DecisionPdfTests
{
    private const string LastReasoningSentence = "The agency's adjustment therefore cannot stand.";

    private static readonly string[] Headings =
    [
        "Procedural history",
        "Findings of fact",
        "Conclusions of law",
        "Reasoning",
        "Action the agency must take",
        "Deadline for the action",
        "Cover letter: right to appeal to circuit court",
    ];

    private readonly DecisionPdf renderer = new();

    [Test]
    public void A_seven_section_decision_renders_as_a_readable_paginated_pdf()
    {
        var pdf = renderer.Render(Decision("Jordan Appellant", LongReasoning()));

        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var text = PdfText.Extract(pdf);
        foreach (var heading in Headings)
        {
            text.ShouldContain(heading);
        }

        text.ShouldContain("Commonwealth of Virginia — Department of Medical Assistance Services — Appeals Division");
        text.ShouldContain("AP-2026-004211");
        text.ShouldContain("11/23/2026");
        text.ShouldContain("Jordan Appellant");
        text.ShouldContain("Hearing Officer Dana Whitfield");
        text.ShouldContain(LastReasoningSentence);
        text.ShouldContain("within 30 days of 11/23/2026");
        text.ShouldContain("Page 2 of");
        text.ShouldNotContain("Page 1 of 1");
    }

    [Test]
    public void The_document_info_names_the_decision()
    {
        using var document = PdfDocument.Open(renderer.Render(Decision("Jordan Appellant", "Short.")));

        document.Information.Title.ShouldBe("Decision of the Hearing Officer");
        document.Information.Subject.ShouldBe("Appeal decision, case AP-2026-004211");
    }

    [Test]
    public void Characters_a_winansi_font_cannot_draw_become_question_marks_instead_of_failing()
    {
        var pdf = renderer.Render(Decision("Zoë — “quoted” 東京", "Zoë — “quoted” 東京 🙂 and a decomposed Zoe\u0308."));

        var text = PdfText.Extract(pdf);
        text.ShouldContain("Zoë — “quoted” ??");
        text.ShouldContain("Zoë — “quoted” ?? ? and a decomposed Zoë.");
    }

    [Test]
    public void A_word_wider_than_the_page_is_broken_rather_than_drawn_off_the_edge()
    {
        var reference = string.Concat(Enumerable.Repeat("ABCDEFGHIJ", 20));

        var text = PdfText.Extract(renderer.Render(Decision("Jordan Appellant", reference)));

        text.Replace("\n", string.Empty).ShouldContain(reference);
        text.ShouldNotContain(reference);
    }

    private static DecisionPdfContent Decision(string appellant, string reasoning) => new(
        "Decision of the Hearing Officer",
        "AP-2026-004211",
        appellant,
        new DateOnly(2026, 11, 23),
        "Hearing Officer Dana Whitfield",
        [
            new(Headings[0], "The provider filed an informal appeal on 08/03/2026.\nThe informal fact-finding conference was held on 09/14/2026."),
            new(Headings[1], "1. The provider billed 412 units of personal care services in the review period.\n2. The agency's reviewer sampled 40 claims."),
            new(Headings[2], "12VAC30-20-500 et seq. governs provider appeals. The agency bears the burden of proof."),
            new(Headings[3], reasoning),
            new(Headings[4], "The agency must withdraw the overpayment demand and repay any amount recouped."),
            new(Headings[5], "The agency must complete this action within 30 days of the date of this decision."),
            new(Headings[6], "If you disagree with this decision, you may appeal to the circuit court within 30 days of 11/23/2026."),
        ]);

    private static string LongReasoning()
    {
        var paragraph = "The reviewer's sampling method extrapolated errors found in a small number of claims to the whole period "
            + "without accounting for the documented changes in the plan of care, and the record contains signed aide notes "
            + "for every visit the agency disallowed. Where the record supports the services billed, an extrapolated finding "
            + "that ignores that record is not supported by substantial evidence.";
        return string.Join("\n\n", Enumerable.Repeat(paragraph, 24)) + "\n" + LastReasoningSentence;
    }
}
