namespace Aims.BuildingBlocks.Web;

/// <summary>
/// Where people reach the portal. Links in emails are built from this, never from the request's Host header, which
/// the sender of a request controls.
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "Aims:Portal";

    public Uri PublicUrl { get; set; } = new("https://aims.dmas.virginia.gov/");

    public string Link(string pathAndQuery) => new Uri(PublicUrl, pathAndQuery).ToString();
}
