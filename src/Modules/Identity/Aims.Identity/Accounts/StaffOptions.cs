namespace Aims.Identity.Accounts;

internal sealed class StaffOptions
{
    public const string Section = "Aims:Identity:Staff";

    /// <summary>Staff accounts must use the agency's own email domain (docs/adr/0012).</summary>
    public string EmailDomain { get; set; } = "dmas.virginia.gov";

    public bool IsAgencyEmail(string? email) =>
        email is not null && email.Trim().EndsWith("@" + EmailDomain.Trim().TrimStart('@'), StringComparison.OrdinalIgnoreCase);
}
