using System.Globalization;
using Aims.Appeals.Model;
using Aims.Documents.Contracts;

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

    public static IReadOnlyList<PracticeScenarioInfo> All { get; } =
    [
        new(PracticeScenario.FileInformalAppeal, "File an informal appeal for a denied claim",
            "Blue Ridge Practice Clinic received an emailed notice a week ago denying claim " + ClaimNumber + " for " + ClaimAmount + ". " +
            "File an informal appeal of the denied claim, saying why it should be paid.",
            "/practice/file", "Start filing"),
        new(PracticeScenario.MonitorAppeal, "Monitor an appeal",
            "Open one of your practice appeals, find its next deadline under \"Dates\", and enter that date in the question at the end of the page.",
            "/practice#my-practice-appeals", "Choose a practice appeal"),
        new(PracticeScenario.UploadDocument, "Upload a document to an existing case",
            "Open one of your practice appeals and add a document to it, for example a PDF or a photo of the notice. " +
            "Any file will do: practice keeps only its name and size.",
            "/practice#my-practice-appeals", "Choose a practice appeal"),
        new(PracticeScenario.WithdrawAppeal, "Withdraw an appeal",
            "Open one of your practice appeals and withdraw it, giving a reason if you like.",
            "/practice#my-practice-appeals", "Choose a practice appeal"),
    ];

    public static DateOnly NoticeDate(DateOnly today) => today.AddDays(-7);

    public static string? Filed(string caseNumber, InformalAppealFiled filed) =>
        filed.ActionType != DeniedClaimAction || filed.Items.Count == 0
            ? null
            : $"You filed {caseNumber}, an informal appeal of a denied claim. The notice counts as received {Day(filed.ReceivedOn)}, so the last day " +
              $"to file was {Day(filed.LastDayToFile)}: {(filed.Timely ? "you were on time" : "you were late, and a real appeal would need good cause")}. " +
              $"An informal decision would be due by {Day(filed.DecisionDue)}. A real filing is also confirmed by email and the agency is told; practice sends nothing.";

    public static string? Monitored(string caseNumber, NextDeadline? next, DateOnly answer) =>
        next is null || next.Date != answer
            ? null
            : $"Right: the next deadline on {caseNumber} is \"{next.What}\" on {Day(next.Date)}. On a real appeal, \"My appeals\" lists each appeal's " +
              "next deadline, and the appeal's page shows every date and what happens next.";

    public static string Uploaded(string caseNumber, string fileName, DocumentCategory category, long sizeBytes) =>
        $"You added {fileName} ({Size(sizeBytes)}) to {caseNumber} as {CategoryLabel(category).ToLowerInvariant()}. On a real appeal the file is checked for viruses, " +
        "kept in the appeal's record and seen by the Appeals Division and the agency; practice keeps only its name and size.";

    public static string Withdrew(string caseNumber, WithdrawnByAppellant withdrawn, DateOnly lastDayToFile) =>
        $"You withdrew {caseNumber} on {Day(withdrawn.WithdrawnOn)}. On a real appeal the Appeals Division and the agency are told and the case closes for good; " +
        $"to appeal again you would file a new appeal, and the last day to file ({Day(lastDayToFile)}) would still apply.";

    /// <summary>The categories a practice upload may take: those an appellant adds to their own case.</summary>
    public static IReadOnlyList<DocumentCategory> Categories { get; } =
        [DocumentCategory.Evidence, DocumentCategory.NoticeOfAction, DocumentCategory.Correspondence];

    public static string CategoryLabel(DocumentCategory category) => category switch
    {
        DocumentCategory.NoticeOfAction => "Notice of action",
        DocumentCategory.Correspondence => "Correspondence",
        _ => "Evidence",
    };

    private static string Day(DateOnly date) => date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes < 1024
        ? $"{bytes} bytes"
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");
}
