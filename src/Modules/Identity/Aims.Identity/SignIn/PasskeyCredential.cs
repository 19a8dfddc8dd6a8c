namespace Aims.Identity.SignIn;

/// <summary>
/// Finishing a passkey ceremony this browser started. Identity throws when none is under way (expired challenge cookie,
/// no options asked); to the person that is simply a passkey not accepted.
/// </summary>
internal static class PasskeyCeremony
{
    public const string NoneUnderWay = "no passkey ceremony under way in this browser";

    public static async Task<T?> CompleteAsync<T>(Func<Task<T>> perform)
        where T : class
    {
        try
        {
            return await perform();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>Limits on what a browser posts as a passkey answer, checked before Identity parses it.</summary>
internal static class PasskeyCredential
{
    /// <summary>Real answers are 1–3 KB; anything far larger is refused unparsed.</summary>
    public const int MaximumLength = 16_384;

    public static bool IsPlausible(string? json) => !string.IsNullOrWhiteSpace(json) && json.Length <= MaximumLength && json.TrimStart().StartsWith('{');
}
