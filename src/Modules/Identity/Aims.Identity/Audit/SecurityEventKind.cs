namespace Aims.Identity.Audit;

/// <summary>Every account event the Identity issue says must be recorded.</summary>
internal enum SecurityEventKind
{
    SignInSucceeded,
    SignInFailed,
    LockedOut,
    CodeSent,
    CodeFailed,
    PasswordChanged,
    PasswordReset,
    PasskeyAdded,
    PasskeyRemoved,
    PasskeyRefused,
    EmailChanged,
    MobileChanged,
    SignedOutEverywhere,
    AccountCreated,
    AccountDeactivated,
    ApiTokenIssued,
    ApiTokenRevoked,

    /// <summary>A step of a Medicaid ID or NPI claim (ADR 0029); the detail says which.</summary>
    IdentityClaim,
}
