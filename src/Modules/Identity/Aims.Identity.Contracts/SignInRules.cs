using MediatR;

namespace Aims.Identity.Contracts;

/// <summary>
/// The password rules as constants, so help pages state the same numbers the password policy enforces (docs/adr/0007).
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;

    /// <summary>Long passphrases are welcome (NIST SP 800-63B-4 asks for at least 64); the cap only bounds hashing work.</summary>
    public const int MaximumLength = 256;

    /// <summary>The seed's list of special characters, exactly.</summary>
    public const string SpecialCharacters = "~!@$%^&*_+`|\\[]:;'<>.?/";
}

/// <summary>
/// How sign-in behaves as configured (code lifetime, lockout, sessions, temporary passwords), for pages that explain it
/// — the help FAQ — so they never state a number the system does not use.
/// </summary>
public sealed record GetSignInRules : IRequest<SignInRules>;

/// <param name="CodeLifetimeMinutes">Whole minutes, as the code page and the code emails state it.</param>
public sealed record SignInRules(
    int CodeLifetimeMinutes,
    int LockoutFailures,
    TimeSpan LockoutDuration,
    TimeSpan IdleTimeout,
    TimeSpan TemporaryPasswordLifetime,
    TimeSpan ActivationLinkLifetime);
