using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Aims.Registration;

/// <summary>Secrets carried in emailed links (request status, provider invitations): 128 random bits, kept only as a SHA-256 hash.</summary>
internal static class LinkSecrets
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Anything longer than a real secret is refused before it is hashed or looked up.</summary>
    public static bool IsPlausible([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? token) => !string.IsNullOrEmpty(token) && token.Length <= 64;
}
