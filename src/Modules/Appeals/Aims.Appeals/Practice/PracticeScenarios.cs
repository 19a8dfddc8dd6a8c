using System.Globalization;
using Aims.Appeals.Model;
using Aims.BuildingBlocks.Web;
using Aims.Documents.Contracts;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Practice;

internal enum PracticeScenario
{
    FileInformalAppeal,
    MonitorAppeal,
    UploadDocument,
    WithdrawAppeal,
}

/// <summary>One exercise: what to do, where to start, and (in <see cref="PracticeScenarios"/>) how its completion is checked.</summary>
internal sealed record PracticeScenarioInfo(PracticeScenario Scenario, string Title, string Instructions, string StartUrl, string StartLabel);

/// <summary>
/// The scripted scenarios of the practice space. Each check takes what the person just did and returns the feedback
/// when it completes the scenario, or null when it does not (the page then says what the scenario still asks for).
/// </summary>
internal static class PracticeScenarios
{
    /// <summary>The made-up provider every practice appeal is filed for; no one acts for it in real life.</summary>
    public static readonly ProviderRef Provider = new(Guid.Parse("0193e3a0-7a11-7c00-8000-0000000000f1"), "Blue Ridge Practice Clinic", "1234567893");

    public const string ClaimNumber = "CLM-PRACTICE-1001";

    public const string ClaimAmount = "$1,250.00";

    public const string DeniedClaimAction = "ClaimDenial";

    /// <summary>The scenarios in the reader's language (<paramref name="t"/> is the request's localizer).</summary>
    public static IReadOnlyList<PracticeScenarioInfo> All(IStringLocalizer t) =>
    [
        new(PracticeScenario.FileInformalAppeal, t["File an informal appeal for a denied claim"],
            t["Blue Ridge Practice Clinic received an emailed notice a week ago denying claim {0} for {1}. File an informal appeal of the denied claim, saying why it should be paid.", ClaimNumber, ClaimAmount],
            "/practice/file", t["Start filing"]),
        new(PracticeScenario.MonitorAppeal, t["Monitor an appeal"],
            t["Open one of your practice appeals, find its next deadline under \"Dates\", and enter that date in the question at the end of the page."],
            "/practice#my-practice-appeals", t["Choose a practice appeal"]),
        new(PracticeScenario.UploadDocument, t["Upload a document to an existing case"],
            t["Open one of your practice appeals and add a document to it, for example a PDF or a photo of the notice. Practice takes the same file types and sizes as a real appeal, and keeps only the name and size."],
            "/practice#my-practice-appeals", t["Choose a practice appeal"]),
        new(PracticeScenario.WithdrawAppeal, t["Withdraw an appeal"],
            t["Open one of your practice appeals and withdraw it, giving a reason if you like."],
            "/practice#my-practice-appeals", t["Choose a practice appeal"]),
    ];

    /// <summary>
    /// The scenarios a person can really do: an agency coordinator follows the appeals assigned to the agency and adds
    /// documents to them, but files and withdraws none.
    /// </summary>
    public static IReadOnlyList<PracticeScenarioInfo> For(IStringLocalizer t, bool agencyCoordinator) =>
        agencyCoordinator
            ? All(t).Where(s => s.Scenario is PracticeScenario.MonitorAppeal or PracticeScenario.UploadDocument).ToList()
            : All(t);

    public static DateOnly NoticeDate(DateOnly today) => today.AddDays(-7);

    // The feedback is written once, in the language of the page the person completed the scenario on, and kept as given.

    public static string? Filed(IStringLocalizer t, string caseNumber, InformalAppealFiled filed) =>
        filed.ActionType != DeniedClaimAction || filed.Items.Count == 0
            ? null
            : t["You filed {0}, an informal appeal of a denied claim. The notice counts as received {1}, so the last day to file was {2}: {3}. An informal decision would be due by {4}. A real filing is also confirmed by email and the agency is told; practice sends nothing.",
                caseNumber, PortalDates.Date(filed.ReceivedOn), PortalDates.Date(filed.LastDayToFile),
                filed.Timely ? t["you were on time"] : t["you were late, and a real appeal would need good cause"], PortalDates.Date(filed.DecisionDue)].Value;

    public static string? Monitored(IStringLocalizer t, string caseNumber, NextDeadline? next, DateOnly answer) =>
        next is null || next.Date != answer
            ? null
            : t["Right: the next deadline on {0} is \"{1}\" on {2}. On a real appeal, \"My appeals\" lists each appeal's next deadline, and the appeal's page shows every date and what happens next.",
                caseNumber, t[Viewing.AppealLabels.Deadline(next.Kind)], PortalDates.Date(next.Date)].Value;

    public static string Uploaded(IStringLocalizer t, string caseNumber, string fileName, DocumentCategory category, long sizeBytes) =>
        t["You added {0} ({1}) to {2} as {3}. On a real appeal the file is checked for viruses, kept in the appeal's record and seen by the Appeals Division and the agency; practice keeps only its name and size.",
            fileName, sizeBytes < 1024 ? t["{0} bytes", sizeBytes] : t["{0} KB", (sizeBytes / 1024.0).ToString("0.#", CultureInfo.CurrentCulture)], caseNumber,
            t[CategoryLabel(category)].Value.ToLower(CultureInfo.CurrentCulture)];

    public static string Withdrew(IStringLocalizer t, string caseNumber, WithdrawnByAppellant withdrawn, DateOnly lastDayToFile) =>
        t["You withdrew {0} on {1}. On a real appeal the Appeals Division and the agency are told and the case closes for good; to appeal again you would file a new appeal, and the last day to file ({2}) would still apply.",
            caseNumber, PortalDates.Date(withdrawn.WithdrawnOn), PortalDates.Date(lastDayToFile)];

    /// <summary>The categories a practice upload may take: those an appellant adds to their own case.</summary>
    public static IReadOnlyList<DocumentCategory> Categories { get; } =
        [DocumentCategory.Evidence, DocumentCategory.NoticeOfAction, DocumentCategory.Correspondence];

    /// <summary>What an agency coordinator adds to an appeal assigned to the agency: its summary, evidence, letters.</summary>
    public static IReadOnlyList<DocumentCategory> AgencyCategories { get; } =
        [DocumentCategory.CaseSummary, DocumentCategory.Evidence, DocumentCategory.Correspondence];

    public static IReadOnlyList<DocumentCategory> CategoriesFor(bool agencyCoordinator) => agencyCoordinator ? AgencyCategories : Categories;

    public static string CategoryLabel(DocumentCategory category) => category switch
    {
        DocumentCategory.NoticeOfAction => "Notice of action",
        DocumentCategory.Correspondence => "Correspondence",
        DocumentCategory.CaseSummary => "Appeal or case summary",
        _ => "Evidence",
    };
}
