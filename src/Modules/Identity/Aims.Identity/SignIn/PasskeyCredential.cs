namespace Aims.Identity.SignIn;

/// <summary>Limits on what a browser posts as a passkey answer, checked before Identity parses it.</summary>
internal static class PasskeyCredential
{
    /// <summary>Real answers are 1–3 KB; anything far larger is refused unparsed.</summary>
    public const int MaximumLength = 16_384;

    public static bool IsPlausible(string? json) => !string.IsNullOrWhiteSpace(json) && json.Length <= MaximumLength && json.TrimStart().StartsWith('{');
}
