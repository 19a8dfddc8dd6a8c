namespace Aims.Identity.Codes;

/// <summary>What checking an entered code found; each has its own message on the code page.</summary>
internal enum CodeCheck
{
    Valid,
    Wrong,
    Expired,
    AlreadyUsed,
    Replaced,
}
