using System.Collections.Frozen;
using FluentValidation;

namespace Aims.Registration.Model;

/// <summary>USPS codes for the states, DC and the territories, for Registration's address forms.</summary>
internal static class UsStates
{
    public static IRuleBuilderOptions<T, string?> UsState<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => code is not null && ByCode.ContainsKey(code)).WithMessage("Choose a state.");

    public static FrozenDictionary<string, string> ByCode { get; } = new Dictionary<string, string>
    {
        ["AL"] = "Alabama", ["AK"] = "Alaska", ["AZ"] = "Arizona", ["AR"] = "Arkansas", ["CA"] = "California",
        ["CO"] = "Colorado", ["CT"] = "Connecticut", ["DE"] = "Delaware", ["DC"] = "District of Columbia",
        ["FL"] = "Florida", ["GA"] = "Georgia", ["HI"] = "Hawaii", ["ID"] = "Idaho", ["IL"] = "Illinois",
        ["IN"] = "Indiana", ["IA"] = "Iowa", ["KS"] = "Kansas", ["KY"] = "Kentucky", ["LA"] = "Louisiana",
        ["ME"] = "Maine", ["MD"] = "Maryland", ["MA"] = "Massachusetts", ["MI"] = "Michigan", ["MN"] = "Minnesota",
        ["MS"] = "Mississippi", ["MO"] = "Missouri", ["MT"] = "Montana", ["NE"] = "Nebraska", ["NV"] = "Nevada",
        ["NH"] = "New Hampshire", ["NJ"] = "New Jersey", ["NM"] = "New Mexico", ["NY"] = "New York",
        ["NC"] = "North Carolina", ["ND"] = "North Dakota", ["OH"] = "Ohio", ["OK"] = "Oklahoma", ["OR"] = "Oregon",
        ["PA"] = "Pennsylvania", ["RI"] = "Rhode Island", ["SC"] = "South Carolina", ["SD"] = "South Dakota",
        ["TN"] = "Tennessee", ["TX"] = "Texas", ["UT"] = "Utah", ["VT"] = "Vermont", ["VA"] = "Virginia",
        ["WA"] = "Washington", ["WV"] = "West Virginia", ["WI"] = "Wisconsin", ["WY"] = "Wyoming",
        ["AS"] = "American Samoa", ["GU"] = "Guam", ["MP"] = "Northern Mariana Islands", ["PR"] = "Puerto Rico",
        ["VI"] = "U.S. Virgin Islands",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
