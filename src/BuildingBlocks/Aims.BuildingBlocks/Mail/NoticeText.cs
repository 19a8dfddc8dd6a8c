namespace Aims.BuildingBlocks.Mail;

/// <summary>A notice's subject and body in one language, as a message carries it (a record, so it serializes).</summary>
public sealed record NoticeText(string Subject, string Body);
