using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Web;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Filing;

/// <summary>The fixed answers the filing forms and the API accept, with the words people see.</summary>
internal static class AppealChoices
{
    public static IReadOnlyList<Choice> ProviderActions { get; } =
    [
        new("Overpayment", "Overpayment or recovery of payments"),
        new("ClaimDenial", "Denied claims"),
        new("RateAdjustment", "Rate or reimbursement adjustment"),
        new("CostSettlement", "Cost report settlement or audit adjustment"),
        new("ServiceAuthorization", "Service authorization denied or reduced"),
        new("Enrollment", "Enrollment denied or terminated, or a sanction"),
        new("Other", "Another adverse action"),
    ];

    /// <summary>What a client may appeal (12VAC30-110-90).</summary>
    public static IReadOnlyList<Choice> ClientActions { get; } =
    [
        new("ApplicationDenied", "My application was denied"),
        new("BenefitsReduced", "My coverage was reduced, suspended or ended"),
        new("ServicesDenied", "A service was denied, reduced or ended"),
        new("NoPromptAction", "My application or request was not acted on promptly"),
        new("EstateRecovery", "Estate recovery"),
        new("PaymentRecovery", "Recovery of payments made for me"),
    ];

    /// <summary>The accepted answers; a page shows <see cref="ReceiptMethodsFor"/>, whose hints carry the configured days.</summary>
    public static IReadOnlyList<Choice> ReceiptMethods { get; } = ReceiptMethodsFor(new AppealRulesOptions());

    public static IReadOnlyList<Choice> ReceiptMethodsFor(AppealRulesOptions rules) =>
    [
        new(nameof(ReceiptMethod.Mail), "US mail", "Counts as received {0} days after the date on the notice.", [rules.ProviderMailReceiptDays]),
        new(nameof(ReceiptMethod.Email), "Email", "Counts as received the day it was sent."),
        new(nameof(ReceiptMethod.Fax), "Fax", "Counts as received the day it was sent."),
        new(nameof(ReceiptMethod.Portal), "A portal", "Counts as received the day it was posted."),
    ];

    /// <summary>Who a representative is to the appellant (12VAC30-110-60); only an authorized representative must prove it.</summary>
    public static IReadOnlyList<Choice> RepresentativeCapacities { get; } = RepresentativeCapacitiesFor(new AppealRulesOptions());

    public static IReadOnlyList<Choice> RepresentativeCapacitiesFor(AppealRulesOptions rules) =>
    [
        new(nameof(FilerCapacity.Parent), "Parent", "Of a child under 18."),
        new(nameof(FilerCapacity.Guardian), "Legal guardian"),
        new(nameof(FilerCapacity.AuthorizedRepresentative), "Authorized representative",
            "Someone the appellant chose in writing. Send the signed statement within {0} days of filing, or the appeal is invalid.", [rules.AuthorityProofDays]),
    ];

    public static IReadOnlyList<Choice> ExpeditedTracks { get; } = ExpeditedTracksFor(new AppealRulesOptions());

    public static IReadOnlyList<Choice> ExpeditedTracksFor(AppealRulesOptions rules) =>
    [
        new(nameof(ExpeditedTrack.Services), "Services", "A decision within {0} working days.", [rules.ExpeditedServicesWorkingDays]),
        new(nameof(ExpeditedTrack.Eligibility), "Eligibility", "A decision within {0} working days.", [rules.ExpeditedEligibilityWorkingDays]),
    ];

    public static IReadOnlyList<Choice> YesNo { get; } = [new("yes", "Yes"), new("no", "No")];

    /// <summary>The action appealed, in the reader's language; a formal appeal's is the informal decision it names.</summary>
    public static string ActionLabel(Appeal appeal, IStringLocalizer t) => appeal.Filing is FormalAppealFiled formal
        ? t["Informal decision on {0}", formal.InformalCaseNumber]
        : t[Label(appeal.Kind == AppealKind.Client ? ClientActions : ProviderActions, appeal.ActionType)];

    public static string Label(IReadOnlyList<Choice> choices, string value) => choices.FirstOrDefault(c => c.Value == value)?.Label ?? value;

    public static bool IsOneOf(IReadOnlyList<Choice> choices, string? value) => choices.Any(c => c.Value == value);
}
