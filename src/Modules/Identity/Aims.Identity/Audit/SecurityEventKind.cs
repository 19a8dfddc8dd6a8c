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
}
