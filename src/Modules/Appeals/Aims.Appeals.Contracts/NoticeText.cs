namespace Aims.Appeals.Contracts;

/// <summary>
/// A notice's subject and body in one language, as a message carries it (a record, so it serializes): declared with
/// <see cref="AppealReminderDue"/>, which carries it to the Notifications module.
/// </summary>
public sealed record NoticeText(string Subject, string Body);
