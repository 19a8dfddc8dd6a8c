namespace Aims.Identity.Codes;

internal sealed class OneTimeCodeOptions
{
    public const string Section = "Aims:Identity:OneTimeCodes";

    /// <summary>The MES seed's 40 minutes (NIST advises shorter; see docs/adr/0009).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(40);
}
