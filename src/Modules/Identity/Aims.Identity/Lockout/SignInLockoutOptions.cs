namespace Aims.Identity.Lockout;

internal sealed class SignInLockoutOptions
{
    public const string Section = "Aims:Identity:Lockout";

    /// <summary>The MES seed: the third invalid attempt locks the account.</summary>
    public int MaxFailures { get; set; } = 3;

    /// <summary>The MES seed: it unlocks by itself after 30 minutes.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(30);

    public int DurationMinutes => (int)Duration.TotalMinutes;
}
