using Aims.Appeals.Model;

namespace Aims.Appeals.Viewing;

/// <summary>The names of the requests an appellant makes of the division, read on the appeal's page, the timeline and the notices.</summary>
internal static class RequestLabels
{
    /// <summary>An English key, translated where it is shown.</summary>
    public static string Label(RequestKind kind) => kind switch
    {
        RequestKind.NewDate => "A new hearing or conference date",
        RequestKind.GoodCause => "Good cause for missing the hearing or conference",
        _ => "Exceptions to the recommended decision",
    };
}
