namespace Aims.Identity.Codes;

internal enum CodePurpose
{
    SignIn,
    VerifyMobile,
    VerifyEmail,
}
