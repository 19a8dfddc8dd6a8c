namespace Aims.IntegrationTests.Registration;

/// <summary>The "new provider" form as a clinic fills it in; tests vary only the NPI, the contact email and the network.</summary>
internal static class ProviderForm
{
    public static Dictionary<string, string?> Fields(string npi, string contactEmail, bool inMcoNetwork) => new()
    {
        ["Form.Name"] = "Blue Ridge Family Clinic",
        ["Form.Npi"] = npi,
        ["Form.MedicaidProviderId"] = "A1234567",
        ["Form.Street"] = "100 Main Street",
        ["Form.City"] = "Staunton",
        ["Form.State"] = "VA",
        ["Form.Zip"] = "24401",
        ["Form.ContactName"] = "Lee Park",
        ["Form.ContactPhone"] = "540-555-0142",
        ["Form.ContactEmail"] = contactEmail,
        ["Form.InMcoNetwork"] = inMcoNetwork ? "true" : "false",
    };
}
