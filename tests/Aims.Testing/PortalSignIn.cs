using System.Net;
using System.Text.RegularExpressions;

namespace Aims.Testing;

/// <summary>Signing in the way a person does: password, then the 6-digit code from the newest email.</summary>
public static partial class PortalSignIn
{
    public static Task<FormClient.Page> StartAsync(this FormClient client, string email, string password, bool staff = false) =>
        client.PostAsync(staff ? "/staff/sign-in" : "/account/sign-in", new Dictionary<string, string?> { ["Form.Email"] = email, ["Form.Password"] = password });

    public static async Task<string> LatestCodeAsync(string connectionString, string email)
    {
        var emails = await OutboxReader.EmailsToAsync(connectionString, email);
        // The code email is in the language the person signs in with (English or Spanish).
        var code = emails.LastOrDefault(e => e.Subject.Contains("sign-in code", StringComparison.OrdinalIgnoreCase)
                || e.Subject.Contains("código de inicio de sesión", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No sign-in code was emailed to {email}.");
        return SixDigits().Match(code.TextBody).Value;
    }

    public static Task<FormClient.Page> EnterCodeAsync(this FormClient client, string code, string via = "email") =>
        client.PostAsync($"/account/code?via={via}", new Dictionary<string, string?> { ["Code"] = code });

    /// <returns>The answer to the code: a redirect to the home page (or the forced password change) when signed in.</returns>
    public static async Task<FormClient.Page> SignInAsync(this FormClient client, string connectionString, string email, string password, bool staff = false)
    {
        var started = await client.StartAsync(email, password, staff);
        if (started.Status != HttpStatusCode.Redirect || started.Location?.StartsWith("/account/code", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"The password step for {email} did not lead to the code page ({(int)started.Status} {started.Location}): {started.Text}");
        }

        return await client.EnterCodeAsync(await LatestCodeAsync(connectionString, email));
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
