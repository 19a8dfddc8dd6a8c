namespace Aims.Host.Help;

/// <summary>Who a FAQ page or a guide is written for; the lower-case name is the FAQ's address (/help/faq/provider).</summary>
internal enum HelpAudience
{
    Provider,
    Agency,
    Client,
}

/// <summary>One step of a guide: what to do, and the screenshot of the portal at that step.</summary>
/// <param name="Name">The screenshot's file name (without .png), unique within the guide.</param>
internal sealed record GuideStep(string Name, string Text);

internal sealed record Guide(string Slug, HelpAudience Audience, string Title, string Summary, IReadOnlyList<GuideStep> Steps)
{
    /// <summary>
    /// The screenshot's address, under wwwroot, in the page's language (<c>step.png</c>, or <c>step.es.png</c> in
    /// Spanish); the browser tests write both files there (docs/help.md).
    /// </summary>
    public string Screenshot(GuideStep step, string language = "en") =>
        $"/{HelpGuides.ScreenshotFolder}/{Slug}/{step.Name}{(language == "en" ? "" : "." + language)}.png";
}

/// <summary>
/// The user guides, in one place: the guide pages list these steps and the guide browser tests walk the same steps in
/// the running portal and take each screenshot, so a step without a screenshot fails a test (docs/help.md).
/// </summary>
internal static class HelpGuides
{
    public const string ScreenshotFolder = "help/guide";

    public static IReadOnlyList<Guide> All { get; } =
    [
        new("sign-in", HelpAudience.Provider, "Sign in and create a profile",
            "Create your account, sign in with a one-time code, and set up the provider you appeal for.",
            [
                new("create-account", "Choose Sign in, then Create an account. Enter your full name, your email address, who you are and a password. A mobile number is optional; it is used only for sign-in codes."),
                new("sign-in", "Once your email address is confirmed, sign in with your email address and password."),
                new("code", "Enter the one-time code we emailed to you (or texted, if you chose a text message), then choose Continue."),
                new("provider-profile", "From your profile choose Your providers, then create the provider's profile: its NPI, name, Medicaid provider ID, address and contact. A representative can instead join a provider that invited them."),
            ]),
        new("find-your-way", HelpAudience.Provider, "Find your way around",
            "The menu at the top of every page, and what each part of the portal is for.",
            [
                new("home", "After you sign in, the menu at the top of every page leads to My appeals, Help, Contact us, Notifications and your Profile."),
                new("my-appeals", "My appeals lists your open appeals with their case numbers and status, and is where you file a new appeal."),
                new("notifications", "Notifications lists what changed on your appeals. Choose which notices also come by email."),
                new("profile", "Your profile holds your password, the mobile number for codes, your email address, passkeys and your providers."),
            ]),
        new("informal-appeal", HelpAudience.Provider, "Create an informal appeal",
            "File an informal appeal of a notice of adverse action and check your deadline first.",
            [
                new("start", "In My appeals choose File an informal appeal. Choose the provider, the kind of action, the date on the notice and how the notice reached you."),
                new("deadline", "Choose Check my deadline: the page shows the last day to file, counted from when the notice reached you."),
                new("details", "Say whether a managed care organization took the action, then list each claim or adjustment you dispute, the amount, why, the outcome you want and a contact phone."),
                new("filed", "Choose File the appeal. The confirmation shows the case number, and we email it to you too."),
            ]),
        new("formal-appeal", HelpAudience.Provider, "Create a formal appeal",
            "Appeal an informal decision you disagree with.",
            [
                new("decision", "Open the appeal with the informal decision (it is under Closed cases) and choose File a formal appeal."),
                new("form", "Say how the informal decision reached you, check your deadline, and explain why the informal decision is wrong."),
                new("filed", "Choose File the formal appeal. The confirmation shows the formal appeal's case number."),
            ]),
        new("monitor", HelpAudience.Provider, "Monitor your appeals",
            "Follow each appeal's status, deadlines, hearing or conference, and history.",
            [
                new("list", "My appeals lists each open appeal with its case number and status. Choose a case number to open it."),
                new("detail", "The appeal's page shows its status, the dates that matter, the hearing or conference once it is scheduled, its documents and its history."),
            ]),
        new("withdraw", HelpAudience.Provider, "Withdraw an appeal",
            "Withdraw an appeal you no longer need, at any time before the final decision.",
            [
                new("appeal", "Open the appeal and choose Withdraw this appeal."),
                new("confirm", "Say why you are withdrawing, then choose Yes, withdraw the appeal."),
                new("withdrawn", "The appeal shows it was withdrawn and why. It now appears under Closed cases."),
            ]),
        new("documents", HelpAudience.Provider, "Upload and download documents",
            "Add supporting documents to an appeal and download what is there.",
            [
                new("choose", "On the appeal's page, under Documents, choose what you are sending, add a description if you like, and choose one or more files."),
                new("uploaded", "Choose Upload. Each file shows a progress bar; when they are in, the list shows them while they are checked for viruses."),
                new("download", "Choose a document's name to download it."),
            ]),
        new("closed-cases", HelpAudience.Provider, "See closed cases",
            "Find appeals that are decided, withdrawn or dismissed, and their decisions.",
            [
                new("list", "In My appeals choose Closed cases: appeals that are decided, withdrawn or dismissed."),
                new("decision", "Open a case to read the decision and, where there is one, download it as a PDF."),
            ]),
        new("register-agency", HelpAudience.Agency, "Register an agency",
            "Ask for access for your agency or DMAS contractor, and set your password once approved.",
            [
                new("request", "Open Register your agency. Choose the agency type, then give the agency's name and address, your name, work email and phone, and your supervisor's name and phone. Confirm that you may act for the agency."),
                new("received", "Choose Send the request. It is pending review; the Appeals Division emails you its answer."),
                new("activate", "Once approved, the email's link lets you set your password. Then sign in with your email address, password and a one-time code."),
            ]),
        new("agency-appeals", HelpAudience.Agency, "See your assigned appeals",
            "The appeals that name your agency, and what your agency owes on each.",
            [
                new("list", "Choose Agency appeals in the menu: the open appeals that name your agency."),
                new("appeal", "Open an appeal to see its details and what your agency owes: the case summary and who attends the hearing or conference."),
            ]),
        new("case-summary", HelpAudience.Agency, "File a case summary",
            "File your agency's case or appeal summary on an appeal.",
            [
                new("form", "On the appeal choose File the case summary. Set out the facts and the documents relied on, and fill in the other parts the page lists."),
                new("filed", "Choose File the summary. The appeal shows when it was filed and whether it was on time."),
            ]),
        new("attendees", HelpAudience.Agency, "Add hearing attendees",
            "Name who attends the hearing or conference for your agency, so they receive its notice.",
            [
                new("form", "On the appeal choose Name the attendees, and give each person's name and email address."),
                new("saved", "Choose Save attendees. Each attendee receives the notice of the hearing or conference."),
            ]),
    ];

    public static Guide? Find(string? slug) => All.FirstOrDefault(g => g.Slug == slug);
}
