namespace Aims.Appeals.Contracts;

/// <summary>The three ways an appeal reaches the Appeals Division; each has its own case-number prefix.</summary>
public enum AppealKind
{
    /// <summary>A provider's informal appeal (12VAC30-20-540): case numbers PI-….</summary>
    ProviderInformal,

    /// <summary>A provider's formal appeal after an informal decision (12VAC30-20-560): PF-….</summary>
    ProviderFormal,

    /// <summary>A Medicaid applicant's or member's appeal (12VAC30-110): CL-….</summary>
    Client,
}
