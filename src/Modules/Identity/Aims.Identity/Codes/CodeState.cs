namespace Aims.Identity.Codes;

internal enum CodeState
{
    Active,
    Used,
    Superseded,
}
