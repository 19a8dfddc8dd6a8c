namespace Aims.Appeals.Rules;

/// <summary>
/// Day counts from the regulations. Those the domain brief marks [check] (not read in the primary text) are settings
/// with the brief's default, listed in docs/appeal-deadlines.md.
/// </summary>
internal sealed class AppealRulesOptions
{
    public const string Section = "Aims:AppealRules";

    /// <summary>12VAC30-20-520: US mail is presumed received 3 days after it was sent.</summary>
    public int ProviderMailReceiptDays { get; set; } = 3;

    /// <summary>12VAC30-20-540 [check]: an informal appeal within 30 days of receiving the notice of adverse action.</summary>
    public int ProviderInformalFilingDays { get; set; } = 30;

    /// <summary>12VAC30-20-560 [check]: a formal appeal within 30 days of receiving the informal decision.</summary>
    public int ProviderFormalFilingDays { get; set; } = 30;

    /// <summary>§ 32.1-325.1: no informal decision within 180 days of the request → deemed in the provider's favour.</summary>
    public int InformalDecisionDays { get; set; } = 180;

    /// <summary>§ 32.1-325.1: recommended decision within 120 days of receipt of the formal appeal.</summary>
    public int RecommendedDecisionDays { get; set; } = 120;

    /// <summary>§ 32.1-325.1: final agency decision within 60 days of receipt of the recommendation.</summary>
    public int FinalDecisionDays { get; set; } = 60;

    /// <summary>42 CFR 431.231(c)(2) as the brief states it: a client's notice is presumed received 5 days after its date.</summary>
    public int ClientNoticeReceiptDays { get; set; } = 5;

    /// <summary>42 CFR 431.221(d): a client appeal within 30 days of receiving the notice.</summary>
    public int ClientFilingDays { get; set; } = 30;

    /// <summary>42 CFR 431.244(f)(1): final administrative action within 90 days of the request.</summary>
    public int ClientDecisionDays { get; set; } = 90;

    /// <summary>42 CFR 431.244(f)(2): expedited decisions within 3 working days (services) or 7 (eligibility).</summary>
    public int ExpeditedServicesWorkingDays { get; set; } = 3;

    public int ExpeditedEligibilityWorkingDays { get; set; } = 7;

    /// <summary>42 CFR 431.231: benefits continue when the appeal is filed within 10 days of the notice (or before the effective date).</summary>
    public int ContinuationOfBenefitsDays { get; set; } = 10;

    /// <summary>12VAC30-110-60: an agent who is not a parent or guardian proves authority within 10 days.</summary>
    public int AuthorityProofDays { get; set; } = 10;

    /// <summary>12VAC30-120-640 / 42 CFR 438.408(f): a state fair hearing within 120 days of the MCO's final decision...</summary>
    public int McoHearingRequestDays { get; set; } = 120;

    /// <summary>...plus 5 days for mailing.</summary>
    public int McoMailingDays { get; set; } = 5;

    /// <summary>12VAC30-110-185: a client appeal summary at least 5 business days before a standard hearing.</summary>
    public int ClientSummaryBusinessDays { get; set; } = 5;

    /// <summary>Unconfirmed (docs/appeal-deadlines.md): a provider case summary this many business days before the IFFC or formal hearing.</summary>
    public int ProviderSummaryBusinessDays { get; set; } = 5;

    /// <summary>12VAC30-110 / § 2.2-4020.2: a party who missed the hearing has 10 days to show good cause.</summary>
    public int NoShowGoodCauseDays { get; set; } = 10;

    /// <summary>§ 2.2-4020.2: a defaulted party may petition to vacate within 15 days.</summary>
    public int PetitionToVacateDays { get; set; } = 15;

    /// <summary>[check] An appellant asks online for a new hearing or conference date at the latest this many days before it (ADR 0038).</summary>
    public int NewDateRequestDaysBeforeHearing { get; set; } = 1;

    /// <summary>[check] Exceptions to a recommended decision within 14 days.</summary>
    public int ExceptionsDays { get; set; } = 14;

    /// <summary>[check] Rules of the Supreme Court of Virginia, Part 2A: notice of appeal to circuit court within 30 days of the final order.</summary>
    public int CircuitCourtDays { get; set; } = 30;
}
