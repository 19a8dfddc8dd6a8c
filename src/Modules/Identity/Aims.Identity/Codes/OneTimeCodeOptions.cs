namespace Aims.Identity.Codes;

internal sealed class OneTimeCodeOptions
{
    public const string Section = "Aims:Identity:OneTimeCodes";

    /// <summary>The MES seed's 40 minutes (NIST advises shorter; see docs/adr/0009).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(40);

    /// <summary>The lifetime as people read it, in whole minutes: the code page, the emails and the help all say this.</summary>
    public int LifetimeMinutes => (int)Lifetime.TotalMinutes;
}
