using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Accounts;

/// <summary>
/// For Identity calls that cannot fail on valid input: a failure is a bug or a broken database, so it throws and the
/// unit of work rolls back instead of going on half-done.
/// </summary>
internal static class IdentityResults
{
    public static void Require(this IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{what}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
