using System.Reflection;
using System.Text.RegularExpressions;
using Aims.BuildingBlocks.Modules;
using Aims.Testing;

namespace Aims.ArchitectureTests;

/// <summary>
/// The map in docs/architecture.md is the code's: every arrow between modules there (events, requests, mail) is read
/// back from the compiled modules, and every one the modules make is drawn.
/// </summary>
public sealed partial class MapTests
{
    private const string Outside = "Outside";

    private static readonly BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly string[] MailPorts = ["IOutgoingMail", "IOutgoingTextMessages"];

    [Test]
    public void The_map_in_the_architecture_overview_draws_every_message_between_modules_and_no_other()
    {
        var drawn = Drawn(File.ReadAllLines(Path.Combine(Repository.Root(), "docs", "architecture.md")));
        var made = Made();

        drawn.Except(made).Select(a => a.ToString()).ShouldBeEmpty("drawn in docs/architecture.md but not made by the code");
        made.Except(drawn).Select(a => a.ToString()).ShouldBeEmpty(
            "made by the code but not drawn in docs/architecture.md; the arrows the code makes:\n" + Mermaid(made));
    }

    [Test]
    public void Every_request_in_a_modules_contracts_is_answered_by_that_module()
    {
        var wrong = Requests()
            .Select(request => (request, Answered: Solution.Modules.Where(module => Answers(module, request)).Select(Owner).ToList()))
            .Where(found => found.Answered.Count != 1 || found.Answered[0] != Owner(found.request.Assembly))
            .Select(found => $"{found.request.Name}: declared in {Owner(found.request.Assembly)}.Contracts, answered by [{string.Join(", ", found.Answered)}]");

        wrong.ShouldBeEmpty();
    }

    [Test]
    public void An_arrow_is_read_with_each_of_its_ends_and_names()
    {
        string[] lines =
        [
            "```mermaid",
            "flowchart LR",
            "    Identity & Appeals -- \"mail: IOutgoingMail\" --> Notifications",
            "    Documents -- \"requests: GetAppealAccess,\\nListAgencies\" --> Appeals",
            "    Pages -->|IMediator.Send| Identity",
            "```",
            "    Appeals -- \"events: AppealFiled\" --> Notifications",
        ];

        Drawn(lines).Select(a => a.ToString()).Order(StringComparer.Ordinal).ShouldBe([
            "Appeals → Notifications, mail: IOutgoingMail",
            "Documents → Appeals, requests: GetAppealAccess",
            "Documents → Appeals, requests: ListAgencies",
            "Identity → Notifications, mail: IOutgoingMail",
        ]);
    }

    /// <summary>The arrows of the first mermaid flowchart whose two ends are modules (or the outside consumers).</summary>
    private static HashSet<Arrow> Drawn(IEnumerable<string> document)
    {
        var nodes = Solution.ModuleNames.Append(Outside).ToHashSet(StringComparer.Ordinal);
        var arrows = new HashSet<Arrow>();
        foreach (var line in document.SkipWhile(l => l.Trim() != "```mermaid").Skip(1).TakeWhile(l => l.Trim() != "```"))
        {
            if (ArrowLine().Match(line) is not { Success: true } match)
            {
                continue;
            }

            var from = match.Groups["from"].Value.Split('&', StringSplitOptions.TrimEntries);
            var to = match.Groups["to"].Value.Split('&', StringSplitOptions.TrimEntries);
            if (!from.Concat(to).All(nodes.Contains))
            {
                continue;
            }

            var kind = match.Groups["kind"].Value;
            var names = match.Groups["names"].Value.Replace("\\n", ",", StringComparison.Ordinal)
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            arrows.UnionWith(from.SelectMany(f => to.SelectMany(t => names.Select(name => new Arrow(f, t, kind, name)))));
        }

        return arrows;
    }

    /// <summary>What the compiled modules do: publish and handle events, send requests, queue mail and texts.</summary>
    private static HashSet<Arrow> Made()
    {
        var arrows = new HashSet<Arrow>();
        foreach (var @event in Events())
        {
            foreach (var publisher in Solution.Modules.Where(module => IntegrationEventTests.Constructs(module, @event)).Select(Owner))
            {
                var receivers = Solution.Modules.Where(module => Handles(module, @event)).Select(Owner).Where(r => r != publisher).ToList();
                if (@event.GetCustomAttribute<PublishedForOutsideConsumersAttribute>() is not null)
                {
                    receivers.Add(Outside);
                }

                arrows.UnionWith(receivers.Select(receiver => new Arrow(publisher, receiver, "events", @event.Name)));
            }
        }

        foreach (var request in Requests())
        {
            var owner = Owner(request.Assembly);
            arrows.UnionWith(Solution.Modules.Where(module => Owner(module) != owner && IntegrationEventTests.Constructs(module, request))
                .Select(sender => new Arrow(Owner(sender), owner, "requests", request.Name)));
        }

        foreach (var module in Solution.Modules.Where(module => Owner(module) != "Notifications"))
        {
            arrows.UnionWith(MailPorts.Where(port => Takes(module, port)).Select(port => new Arrow(Owner(module), "Notifications", "mail", port)));
        }

        return arrows;
    }

    /// <summary>The arrows as the flowchart's lines, one per pair of ends and kind, to paste into the overview.</summary>
    private static string Mermaid(IEnumerable<Arrow> arrows) => string.Join('\n', arrows
        .GroupBy(a => (a.From, a.To, a.Kind))
        .OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.From, StringComparer.Ordinal).ThenBy(g => g.Key.To, StringComparer.Ordinal)
        .Select(g => $"    {g.Key.From} -- \"{g.Key.Kind}: {string.Join(", ", g.Select(a => a.Name).Order(StringComparer.Ordinal))}\" --> {g.Key.To}"));

    private static IEnumerable<Type> Events() =>
        Solution.Contracts.SelectMany(contracts => contracts.GetTypes()).Where(type => type.GetInterfaces().Any(i => i.Name == "IIntegrationEvent"));

    private static IEnumerable<Type> Requests() =>
        Solution.Contracts.SelectMany(contracts => contracts.GetTypes())
            .Where(type => !type.IsAbstract && type.GetInterfaces().Any(i => i.Namespace == "MediatR" && i.Name.StartsWith("IRequest", StringComparison.Ordinal)));

    private static string Owner(Assembly assembly) => assembly.GetName().Name!.Split('.')[1];

    private static bool Handles(Assembly module, Type message) =>
        module.GetTypes().SelectMany(type => type.GetMethods(Declared))
            .Any(method => method.Name is "Handle" or "HandleAsync" or "Consume" or "ConsumeAsync" && method.GetParameters().FirstOrDefault()?.ParameterType == message);

    private static bool Answers(Assembly module, Type request) =>
        module.GetTypes().Any(type => type.GetInterfaces().Any(i =>
            i.Namespace == "MediatR" && i.Name.StartsWith("IRequestHandler", StringComparison.Ordinal) && i.GetGenericArguments()[0] == request));

    /// <summary>Whether a constructor or method of the module takes the port (as a service the container hands it).</summary>
    private static bool Takes(Assembly module, string port) =>
        module.GetTypes().SelectMany(type => type.GetConstructors(Declared).Cast<MethodBase>().Concat(type.GetMethods(Declared)))
            .Any(method => method.GetParameters().Any(p => p.ParameterType.Name == port && p.ParameterType.Namespace == "Aims.Notifications.Contracts"));

    [GeneratedRegex("""^\s*(?<from>\w+(\s*&\s*\w+)*)\s*--\s*"(?<kind>events|requests|mail):\s*(?<names>[^"]*)"\s*-->\s*(?<to>\w+(\s*&\s*\w+)*)\s*$""")]
    private static partial Regex ArrowLine();

    private sealed record Arrow(string From, string To, string Kind, string Name)
    {
        public override string ToString() => $"{From} → {To}, {Kind}: {Name}";
    }
}
