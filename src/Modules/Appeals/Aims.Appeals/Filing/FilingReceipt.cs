using Aims.Appeals.Contracts;
using Aims.Appeals.Decisions;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Web;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Filing;

/// <summary>
/// The filing confirmation as a PDF to keep (issue 22): the case number, what was filed, when, whether it was on
/// time and the last day of the next step, in the filer's language (its letterhead and footer too), drawn by the same writer as decisions (ADR 0019).
/// </summary>
internal sealed class FilingReceipt(DecisionPdf pdf, IStringLocalizer<AppealsText> t)
{
    public byte[] Render(AppealView view)
    {
        var appeal = view.Appeal;
        // The history is newest first; its last line is the filing, stamped with the server's time (12VAC30-20-520).
        var filedAt = view.Timeline[^1].At;
        var action = AppealChoices.ActionLabel(appeal, t);
        List<(string, string)> fields =
        [
            (t["Case number"], appeal.CaseNumber),
            (t["Appellant"], appeal.AppellantName),
            (t["Filed"], PortalDates.Eastern(filedAt)),
            (t["Filed by"], appeal.FiledBy.Name),
            (t["On time?"], appeal.Timely ? t["Yes"] : t["No"]),
        ];
        if (appeal.NextDeadline is { } next)
        {
            fields.Add((t["Next deadline"], $"{PortalDates.Date(next.Date)}: {t[AppealLabels.Deadline(next.Kind)]}"));
        }

        List<DecisionPdfSection> sections =
        [
            new(t["What was filed"], t["{0} for {1}: {2}.", t[AppealLabels.Kind(appeal.Kind)], appeal.AppellantName, action]),
            new(t["Last day to file"], t["{0}; this appeal was filed {1}.", PortalDates.Date(appeal.LastDayToFile),
                appeal.Timely ? t["on time"] : t["late: the Appeals Division decides whether there was good cause"]]),
        ];
        if (appeal.NextStep is { } step)
        {
            sections.Add(new(t["What happens next"], t[AppealLabels.Step(step)]));
        }

        sections.Add(new(t["Questions"], t["Quote the case number whenever you write or call the Appeals Division."]));
        var words = new PdfLetterWords(
            t[PdfLetterWords.EnglishLetterhead], caseNumber => t["Case {0}", caseNumber], (page, count) => t["Page {0} of {1}", page, count]);
        return pdf.Render(new PdfLetter(t["Filing receipt"], t["Filing receipt, case {0}", appeal.CaseNumber], appeal.CaseNumber, fields, sections, words));
    }
}
