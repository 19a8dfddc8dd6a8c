using System.Text.RegularExpressions;
using System.Xml.Linq;
using Aims.Testing;

namespace Aims.ArchitectureTests;

/// <summary>
/// Every English text looked up (<c>T["…"]</c>, <c>t["…"]</c>, <c>WithMessage("…")</c>, <c>new RuleViolationException("…")</c>
/// outside staff screens) has its Spanish in that assembly's resource file (ADR 0022).
/// </summary>
public sealed partial class SpanishTextTests
{
    private static readonly string[] Projects =
    [
        "src/Host/Aims.Host",
        "src/BuildingBlocks/Aims.BuildingBlocks",
        .. Solution.ModuleNames.Select(name => $"src/Modules/{name}/Aims.{name}"),
        // The one Contracts project with words of its own: the footer every module's emails carry (ADR 0051).
        "src/Modules/Notifications/Aims.Notifications.Contracts",
    ];

    [TestCaseSource(nameof(Projects))]
    public void Every_text_looked_up_has_its_Spanish(string project)
    {
        var root = Path.Combine(Repository.Root(), project);
        // The host has two files (HostText, and HelpText for the help pages, whose own test checks them by page).
        var files = Directory.GetFiles(Path.Combine(root, "Resources"), "*.es.resx");
        files.ShouldNotBeEmpty();
        var spanish = files.SelectMany(resx => XDocument.Load(resx).Root!.Elements("data"))
            .Select(data => (Key: data.Attribute("name")!.Value, Value: data.Element("value")!.Value))
            .ToList();
        var known = spanish.Select(entry => entry.Key).ToHashSet();

        var missing = Sources(root).SelectMany(Keys).Distinct().Where(key => !known.Contains(key)).Order().ToList();

        missing.ShouldBeEmpty($"{string.Join(", ", files.Select(Path.GetFileName))} lack the Spanish of these texts");
        spanish.Where(entry => string.IsNullOrWhiteSpace(entry.Value)).ShouldBeEmpty("an empty translation shows a blank");
    }

    /// <summary>
    /// The resource compiler keeps one of two names that differ only in case ("Email" and "email") and drops the
    /// other with a warning, so the dropped one would show in English; a fragment for inside a sentence needs words of its own.
    /// </summary>
    [TestCaseSource(nameof(Projects))]
    public void No_two_texts_in_a_resource_file_differ_only_in_case(string project)
    {
        foreach (var resx in Directory.GetFiles(Path.Combine(Repository.Root(), project, "Resources"), "*.es.resx"))
        {
            XDocument.Load(resx).Root!.Elements("data").Select(data => data.Attribute("name")!.Value)
                .GroupBy(key => key, StringComparer.OrdinalIgnoreCase).Where(same => same.Count() > 1).Select(same => string.Join(" / ", same))
                .ShouldBeEmpty(Path.GetFileName(resx));
        }
    }

    [Test]
    public void The_check_finds_the_keys_a_page_uses()
    {
        Keys(("x.cshtml", """<p>@T["Sign in"]</p> @T["Say \"yes\""]""")).ShouldBe(["Sign in", "Say \"yes\""]);
        Keys(("x.cs", """RuleFor(x => x.A).WithMessage("Enter it. " + "Or not."); var title = t["Home"];""")).ShouldBe(["Home", "Enter it. Or not."]);
        Keys(("x.cshtml", """<p>@T[one ? "{0} time" : "{0} times", n]</p>""")).ShouldBe(["{0} time", "{0} times"]);
        Keys(("x.cs", "throw new RuleViolationException(\n    \"{0} was already withdrawn on {1}.\", number, on); throw new RuleViolationException($\"{number} in English\");"))
            .ShouldBe(["{0} was already withdrawn on {1}."]);
    }

        /// <summary>
        /// Words typed into markup outside <c>T["…"]</c> show in English on the Spanish page. Staff folders are skipped; a
        /// staff-only page or line elsewhere says so with <c>@* English only: staff *@</c>.
        /// </summary>
    [TestCaseSource(nameof(Projects))]
    public void No_page_types_English_outside_a_lookup(string project)
    {
        var root = Path.Combine(Repository.Root(), project);

        var typed = Sources(root).Where(source => source.Path.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(source => TypedText(source.Text).Select(text => $"{Path.GetRelativePath(root, source.Path)}: {text}"))
            .ToList();

        typed.ShouldBeEmpty("put these words in a T[\"…\"] lookup with their Spanish, or mark a staff-only line");
    }

    [Test]
    public void The_check_finds_words_typed_outside_a_lookup()
    {
        TypedText("""<p>@T["Not sure? Call the Appeals Division at"] <partial name="_AppealsPhone" /> first.</p>""").ShouldBe(["first."]);
        TypedText("""@if (Model.Count > 0) { <p>Closed cases</p> } else { <p>@T["None"]</p> }""").ShouldBe(["Closed cases"]);
        TypedText("""<a href="/x" aria-label="@T["Open {0}", Model.Name]">@Model.Name</a> AIMS 2026""").ShouldBeEmpty();
        TypedText("""@{ var choices = Model.Items.Select(i => new Choice(i.Key, i.Value)).ToList(); }<p>@T["Hello"]</p>""").ShouldBeEmpty();
        TypedText("""<li><a href="/staff/intake">Intake</a></li> @* English only: staff *@""").ShouldBeEmpty();
        TypedText("@* English only: staff *@\n<h1>Remove the content</h1>").ShouldBeEmpty();
        TypedText("""<p>@Html.Raw(string.Format(T["{0} for {1}"].Value, Strong(Day(notice)), Name))</p>""").ShouldBeEmpty();

        // C# inside an @foreach or @if block (a switch expression over several lines) is code, not words on the page;
        // the markup beside it, and a tag's text carried onto the next line, are still read.
        const string Switch = """
            @foreach (var (kind, last) in open)
            {
                var label = kind switch
                {
                    RequestKind.NewDate => T["Ask for a new date (until {0})", day],
                    RequestKind.GoodCause => T["Show good cause (until {0})", day],
                    _ => T["File exceptions or a brief (until {0})", day],
                };
                <li><a href="/ask/@kind">@label</a></li>
            }
            """;
        TypedText(Switch).ShouldBeEmpty();
        TypedText(Switch.Replace("@label</a>", "@label</a> until then", StringComparison.Ordinal)).ShouldBe(["until then"]);
        TypedText("@if (open) {\n    var total = items.Count;\n    <p>@T[\"Open\"]\n       and waiting.</p>\n} else {\n    count = 0;\n    <p>Nothing open</p>\n}")
            .ShouldBe(["and waiting.", "Nothing open"]);
    }

    private const string StaffMarker = "@* English only: staff *@";

    /// <summary>The words left in a page's markup once comments, code, lookups and expressions are taken out.</summary>
    private static IEnumerable<string> TypedText(string page)
    {
        if (page.Split('\n').Take(3).Any(line => line.Contains(StaffMarker, StringComparison.Ordinal)))
        {
            return [];
        }

        var text = string.Join('\n', page.Split('\n').Where(line => !line.Contains(StaffMarker, StringComparison.Ordinal)));
        foreach (var remove in new[] { RazorComment(), Verbatim(), CodeBlock(), Directive(), Lookup() })
        {
            text = remove.Replace(text, " ");
        }

        text = Block().Replace(text, WithoutDeclarations);
        foreach (var remove in new[] { Statement(), Expression() })
        {
            text = remove.Replace(text, " ");
        }

        return Tag().Split(text).Select(part => string.Join(' ', part.Split((char[])[' ', '\n', '\r', '\t', '{', '}'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(part => Word().IsMatch(part));
    }

    /// <summary>A block's body with its C# declarations taken out; the markup lines in it stay to be checked.</summary>
    private static string WithoutDeclarations(Match block)
    {
        var body = block.Groups["body"];
        var start = body.Index - block.Index;
        return block.Value[..start] + Declaration().Replace(body.Value, " ") + block.Value[(start + body.Length)..];
    }

    /// <summary>
    /// An <c>@if</c>, <c>@foreach</c>, <c>@for</c>, <c>@while</c>, <c>@switch</c> or <c>@using</c> block, or an
    /// <c>else</c> one, with its body (braces and parentheses balanced): where a line may be C# rather than markup.
    /// </summary>
    [GeneratedRegex(@"(?:@(?:if|foreach|for|while|switch|using)\s*\((?>[^()]+|\((?<p>)|\)(?<-p>))*(?(p)(?!))\)|\belse(?:\s+if\s*\((?>[^()]+|\((?<q>)|\)(?<-q>))*(?(q)(?!))\))?)\s*\{(?<body>(?>[^{}]+|\{(?<d>)|\}(?<-d>))*(?(d)(?!)))\}")]
    private static partial Regex Block();

    /// <summary>
    /// A line that declares or assigns a variable, to its semicolon, braces balanced across lines
    /// (<c>var label = kind switch { … };</c>): C# in a block, never words on the page. An attribute (<c>name="…"</c>)
    /// is not one, and no markup (<c>&lt;</c>) is crossed.
    /// </summary>
    [GeneratedRegex(@"^[ \t]*(?:var\s+|[A-Za-z_][\w.]*(?:<[^<>\n]*>)?\??\s+)?[A-Za-z_]\w*\s*[+-]?=(?![=>""'])(?>[^;{}<]+|\{(?<d>)|\}(?<-d>))*(?(d)(?!));[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    /// <summary>Markup whose text is not prose: scripts, styles and code samples.</summary>
    [GeneratedRegex(@"<(script|style|code)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex Verbatim();

    /// <summary>An <c>@{ … }</c> block (C#), braces balanced.</summary>
    [GeneratedRegex(@"@\{(?>[^{}]+|\{(?<d>)|\}(?<-d>))*(?(d)(?!))\}")]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^\s*@(page|model|using|inject|attribute|namespace|addTagHelper|inherits|section|functions)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    /// <summary>A lookup, <c>T["…", args]</c> (one level of brackets inside), with its <c>.Value</c>.</summary>
    [GeneratedRegex(@"@?\b[A-Za-z]+\[(?:""(?:[^""\\]|\\.)*""|\[[^\]]*\]|[^\]""\[])*\](?:\.Value)?")]
    private static partial Regex Lookup();

    /// <summary>A Razor expression: <c>@(…)</c>, or <c>@await a.B(…).C</c>, parentheses balanced.</summary>
    [GeneratedRegex(@"@(?:await\s+)?(?:[A-Za-z_][\w.]*)?(?:\((?>[^()]+|\((?<d>)|\)(?<-d>))*(?(d)(?!))\)[\w.!]*)*")]
    private static partial Regex Expression();

    /// <summary>C# between the markup: a statement's head, <c>else</c>, a switch's labels, a line ending in a semicolon.</summary>
    [GeneratedRegex(@"@?\b(?:if|foreach|for|while|switch|using)\s*\((?>[^()]+|\((?<d>)|\)(?<-d>))*(?(d)(?!))\)|\belse\b|^\s*(?:case\b[^:\n]*:|default:|break;)|^[^<>\n]*;\s*$", RegexOptions.Multiline)]
    private static partial Regex Statement();

    /// <summary>A tag, its attribute values quoted either way; a doctype.</summary>
    [GeneratedRegex(@"<(?:/[a-zA-Z][\w:-]*\s*|![^<>]*|[a-zA-Z][\w:-]*(?:\s+[^\s=>/'""]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s>'""]+))?)*\s*/?)>")]
    private static partial Regex Tag();

    /// <summary>A word with a lower-case letter: prose, not a name like AIMS or a number.</summary>
    [GeneratedRegex(@"[A-Za-z]*[a-z][A-Za-z]*[a-z]")]
    private static partial Regex Word();

    private static IEnumerable<(string Path, string Text)> Sources(string root) =>
        Directory.GetFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cshtml", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Where(path => !EnglishOnly().IsMatch(path))
            .Select(path => (path, File.ReadAllText(path)));

    private static IEnumerable<string> Keys((string Path, string Text) source)
    {
        var lookups = (source.Path.EndsWith(".cshtml", StringComparison.Ordinal) ? PageLookup() : CodeLookup()).Matches(source.Text)
            .Select(match => match.Groups["text"].Value);
        var choices = Choice().Matches(source.Text).SelectMany(match => new[] { match.Groups["yes"].Value, match.Groups["no"].Value });
        var messages = source.Path.EndsWith(".cs", StringComparison.Ordinal)
            ? Message().Matches(source.Text).Select(match => string.Concat(match.Groups["part"].Captures.Select(c => c.Value)))
                .Concat(Refusal().Matches(source.Text).Select(match => match.Groups["text"].Value))
            : [];
        return lookups.Concat(choices).Concat(messages).Select(Regex.Unescape);
    }

    /// <summary>A refusal's wording (ADR 0028); an interpolated one (<c>$"…"</c>) is met on the staff screens only and stays English.</summary>
    [GeneratedRegex(@"\bRuleViolationException\(\s*""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Refusal();

    /// <summary>The staff's, administrators' and developers' screens, and the division's and administrators' own use cases behind them (ADR 0045).</summary>
    [GeneratedRegex(@"/Pages/(Staff|Admin|Dev)/|/Aims\.Appeals/Caseload/|/Aims\.Appeals/Cases/(AcceptGoodCause|AssignCase|ChangeAppealAgency|DismissAppeal|IssueDecision|RecordNoShow|RescheduleHearing|ScheduleHearing)\.cs$"
        + @"|/Aims\.Identity/StaffAccounts/|/Aims\.Registration/(Agencies/DeactivateCoordinator|Claims/DecideClaim|Requests/DecideAccessRequest|Rosters/ImportRoster)\.cs$")]
    private static partial Regex EnglishOnly();

    [GeneratedRegex(@"\bT\[""(?<text>(?:[^""\\]|\\.)*)""\s*[\],]")]
    private static partial Regex PageLookup();

    [GeneratedRegex(@"\b[tT]\[""(?<text>(?:[^""\\]|\\.)*)""\s*[\],]")]
    private static partial Regex CodeLookup();

    /// <summary>A lookup that chooses between two texts: <c>T[client ? "Appeal summary" : "Case summary"]</c>.</summary>
    [GeneratedRegex(@"\b[tT]\[[^\]""\n]*\?\s*""(?<yes>(?:[^""\\]|\\.)*)""\s*:\s*""(?<no>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Choice();

    [GeneratedRegex(@"\.WithMessage\(\s*""(?<part>(?:[^""\\]|\\.)*)""(?:\s*\+\s*""(?<part>(?:[^""\\]|\\.)*)"")*\s*\)")]
    private static partial Regex Message();
}
