namespace Aims.BuildingBlocks.Web;

/// <summary>
/// One question answered by choosing: the shared _RadioGroup partial (radio buttons in a fieldset, each with an
/// optional hint) or _Select partial (a drop-down), with the validation messages beside it.
/// </summary>
public sealed record ChoiceField(string Name, string Label, IReadOnlyList<Choice> Choices, string? Selected = null, string? Hint = null)
{
    public string Id => Name.Replace('.', '_');
}

/// <summary>One answer; <paramref name="HintValues"/> fill the hint's {0}… after translation, so a number comes from its setting.</summary>
public sealed record Choice(string Value, string Label, string? Hint = null, object[]? HintValues = null);
