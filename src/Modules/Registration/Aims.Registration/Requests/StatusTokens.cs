using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Aims.Registration.Requests;

/// <summary>The secret in a request's status link: 128 random bits, kept only as a SHA-256 hash.</summary>
internal static class StatusTokens
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static string Path(string token) => "/registration/status?token=" + token;
}
