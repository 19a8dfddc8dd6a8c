namespace Aims.BuildingBlocks.Web;

/// <summary>
/// One labelled input for the shared _Field partial, which shows its hint and its validation messages beside it
/// (linked with aria-describedby). A password's value is never written back into the page.
/// </summary>
public sealed record FormField(string Name, string Label, string Type = "text", string? Value = null, string? Hint = null, string? Autocomplete = null, bool Required = true)
{
    // The same id ASP.NET's tag helpers give the name (Rows[0].Name → Rows_0__Name): brackets are not valid in a CSS id selector.
    public string Id => Name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
