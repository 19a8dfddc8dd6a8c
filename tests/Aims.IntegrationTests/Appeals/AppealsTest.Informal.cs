using System.Net.Http.Json;
using System.Text.Json;
using Aims.Identity.Contracts;

namespace Aims.IntegrationTests.Appeals;

public abstract partial class AppealsTest
{
    /// <summary>
    /// <paramref name="count"/> informal appeals (notice of 11/10/2026) filed over the API by a new provider's billing system;
    /// each schedules its decision-clock reminders. Returns their ids.
    /// </summary>
    protected async Task<IReadOnlyList<Guid>> FileInformalAppealsAsync(string tag, int count)
    {
        var (owner, provider) = await ProviderAsync($"rep.{tag}@billing.example", $"Hosts {tag} Clinic", Role.ProviderRepresentative);
        using var api = await ApiAsync(owner, "Billing system", "AppealsRead", "AppealsFile");
        var ids = new List<Guid>();
        for (var n = 0; n < count; n++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appeals/informal")
            {
                Content = JsonContent.Create(new Dictionary<string, object>
                {
                    ["providerId"] = provider.ToString(), ["actionType"] = "ClaimDenial", ["noticeDate"] = "2026-11-10", ["receivedBy"] = "Email", ["fromMco"] = "no",
                    ["items"] = new[] { new Dictionary<string, string> { ["reference"] = $"CLM-{tag}-{n}", ["amount"] = "100.00", ["reason"] = "Authorized." } },
                    ["desiredOutcome"] = "Pay the claim.", ["contactName"] = "Lee Park", ["contactPhone"] = "540-555-0142", ["contactEmail"] = $"contact.{tag}@clinic.example",
                }),
            };
            request.Headers.Add("Idempotency-Key", $"{tag}-{n}");
            using var filed = await api.SendAsync(request);
            filed.EnsureSuccessStatusCode();
            ids.Add((await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appealId").GetGuid());
        }

        return ids;
    }
}
