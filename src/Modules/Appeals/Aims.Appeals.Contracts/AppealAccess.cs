namespace Aims.Appeals.Contracts;

public sealed record AppealAccess(bool CanRead, bool CanAddDocuments, bool CanAct, AppealParty? Party)
{
    public static AppealAccess None { get; } = new(false, false, false, null);
}
