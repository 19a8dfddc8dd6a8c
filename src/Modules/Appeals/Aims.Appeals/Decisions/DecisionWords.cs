using Aims.Appeals.Model;
using Aims.BuildingBlocks.Web;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Decisions;

/// <summary>The names of decisions, their allowed outcomes and the step after each, as pages, PDFs and notices say them.</summary>
internal static class DecisionWords
{
    public static string Name(DecisionLevel level) => level switch
    {
        DecisionLevel.Informal => "Informal decision",
        DecisionLevel.Recommended => "Recommended decision",
        DecisionLevel.Final => "Final agency decision",
        _ => "Hearing decision",
    };

    /// <summary>Remand is for the hearing officer on a client appeal and the final decision on a provider's; the rest fit every level.</summary>
    public static IReadOnlyList<string> Outcomes(DecisionLevel level) => level is DecisionLevel.Hearing or DecisionLevel.Final
        ? ["Sustained", "Reversed", "Partially reversed", "Remanded", "Dismissed"]
        : ["Sustained", "Reversed", "Partially reversed", "Dismissed"];

    /// <summary>In the current language: the PDF is English (issued from a staff page); the parties' notice has it in each language.</summary>
    public static string? FurtherStep(DecisionLevel level, DateOnly? by, IStringLocalizer<AppealsText> t) => by is not { } day ? null : level switch
    {
        DecisionLevel.Informal => t["The provider may file a formal appeal by {0}.", PortalDates.Date(day)].Value,
        DecisionLevel.Recommended => t["Exceptions may be filed by {0}; the agency director then issues the final decision.", PortalDates.Date(day)].Value,
        _ => t["This decision may be appealed to the circuit court: file a notice of appeal by {0}.", PortalDates.Date(day)].Value,
    };

    /// <summary>The cover letter of a client hearing decision (12VAC30-110-370): the right to go to circuit court, with the date.</summary>
    public static string CoverLetter(string appellant, string caseNumber, string outcome, DateOnly decidedOn, DateOnly courtBy, int courtDays) =>
        $"Dear {appellant},\n\nThis is the decision on your appeal {caseNumber}, issued {decidedOn:MM/dd/yyyy}. The hearing officer's decision: {outcome}. " +
        "The decision follows this letter in its parts: the procedural history, the findings of fact, the conclusions of law, the reasoning, " +
        "the action the agency must take and the deadline for it.\n\n" +
        "Your right to appeal: if you disagree, you may appeal this decision to the circuit court of the county or city where you live. " +
        $"File your notice of appeal within {courtDays} days of this decision, by {courtBy:MM/dd/yyyy}.";
}
