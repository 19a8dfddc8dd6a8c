namespace Aims.Identity.Contracts;

/// <summary>Claims of a signed-in principal that other modules may read.</summary>
public static class AimsClaimTypes
{
    /// <summary>The agency or contractor an agency coordinator acts for.</summary>
    public const string AgencyId = "aims:agency_id";

    /// <summary>The account's name as people see it.</summary>
    public const string DisplayName = "aims:display_name";
}
