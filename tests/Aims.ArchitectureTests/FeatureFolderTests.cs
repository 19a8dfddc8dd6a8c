using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Aims.ArchitectureTests;

/// <summary>
/// Slices live in their feature folders (ADR 0045): a folder is the first namespace below the module's, and what a
/// folder uses is read from the compiled IL (signatures and method bodies), so a fully qualified name cannot hide an edge.
/// </summary>
public sealed class FeatureFolderTests
{
    [Test]
    public void Nothing_outside_Pages_uses_a_type_from_a_Pages_namespace()
    {
        var offenders = Solution.Modules.Select(Read)
            .SelectMany(module => module.Uses
                .Where(use => module.Folder(use.From) is not "Pages" && module.Folder(use.To) is "Pages")
                .Select(use => $"{use.From} → {use.To}"))
            .Distinct()
            .ToList();

        offenders.ShouldBeEmpty("a command, its validator and its handler belong in the feature's folder; the page model is a thin adapter over it");
    }

    [Test]
    public void The_feature_folders_of_a_module_use_each_other_without_cycles()
    {
        var cycles = Solution.Modules.Select(Read).SelectMany(Cycles).ToList();

        cycles.ShouldBeEmpty("a type both folders need moves down (to Model/, or the folder that owns it)");
    }

    [Test]
    public void A_cycle_between_two_folders_is_found()
    {
        // The check itself, on a made-up graph: Filing uses Cases and Cases uses Filing.
        var module = new ModuleUses("Aims.Sample", [
            new Use("Aims.Sample.Filing.AppealFiling", "Aims.Sample.Cases.CaseClocks"),
            new Use("Aims.Sample.Cases.CaseClocks", "Aims.Sample.Filing.Filer"),
            new Use("Aims.Sample.Pages.FileModel", "Aims.Sample.Filing.AppealFiling"),
        ]);

        Cycles(module).ShouldBe(["Aims.Sample: Cases ⇄ Filing (Aims.Sample.Cases.CaseClocks → Aims.Sample.Filing.Filer; Aims.Sample.Filing.AppealFiling → Aims.Sample.Cases.CaseClocks)"]);
    }

    /// <summary>Each strongly connected group of folders (Tarjan), with one use that makes each of its edges.</summary>
    private static IEnumerable<string> Cycles(ModuleUses module)
    {
        var edges = module.Uses
            .Select(use => (From: module.Folder(use.From), To: module.Folder(use.To), use))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To && !module.Composes(e.use.From))
            .GroupBy(e => (e.From!, e.To!))
            .ToDictionary(g => g.Key, g => g.Select(e => e.use).OrderBy(u => u.From, StringComparer.Ordinal).ThenBy(u => u.To, StringComparer.Ordinal).First());
        var next = edges.Keys.ToLookup(e => e.Item1, e => e.Item2);
        var folders = edges.Keys.SelectMany(e => new[] { e.Item1, e.Item2 }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var groups = new List<List<string>>();

        void Visit(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            foreach (var to in next[folder])
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[folder] = Math.Min(low[folder], low[to]);
                }
                else if (stack.Contains(to))
                {
                    low[folder] = Math.Min(low[folder], index[to]);
                }
            }

            if (low[folder] == index[folder])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    group.Add(member);
                }
                while (member != folder);
                groups.Add(group);
            }
        }

        foreach (var folder in folders.Where(f => !index.ContainsKey(f)))
        {
            Visit(folder);
        }

        return groups.Where(g => g.Count > 1).Select(group =>
        {
            var members = group.Order(StringComparer.Ordinal).ToList();
            var inside = edges.Where(e => members.Contains(e.Key.Item1) && members.Contains(e.Key.Item2))
                .OrderBy(e => e.Key.Item1, StringComparer.Ordinal).ThenBy(e => e.Key.Item2, StringComparer.Ordinal)
                .Select(e => $"{e.Value.From} → {e.Value.To}");
            return $"{module.Root}: {string.Join(" ⇄ ", members)} ({string.Join("; ", inside)})";
        });
    }

    private static ModuleUses Read(System.Reflection.Assembly assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var root = assembly.GetName().Name!;
        var uses = new HashSet<Use>();
        foreach (var type in module.Types.Where(t => t.Namespace == root || t.Namespace.StartsWith(root + ".", StringComparison.Ordinal)))
        {
            foreach (var used in UsedTypes(type).SelectMany(Flatten).Select(TopLevelName).Where(name => name.StartsWith(root + ".", StringComparison.Ordinal)))
            {
                uses.Add(new Use(type.FullName, used));
            }
        }

        // A module's DbContext names every feature's rows, as its entry point names every feature's services.
        var contexts = module.Types.Where(t => t.BaseType?.Name.Split('`')[0].EndsWith("DbContext", StringComparison.Ordinal) == true).Select(t => t.FullName);
        return new ModuleUses(root, [.. uses]) { Compositions = contexts.ToHashSet() };
    }

    /// <summary>Every type a type and its nested types (closures, async state machines) name anywhere.</summary>
    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var reference in type.Interfaces.Select(i => i.InterfaceType)
            .Concat(type.CustomAttributes.Select(a => a.AttributeType))
            .Concat(type.Fields.Select(f => f.FieldType))
            .Concat(type.Properties.Select(p => p.PropertyType))
            .Concat(type.Methods.SelectMany(MethodTypes))
            .Concat(type.NestedTypes.SelectMany(UsedTypes)))
        {
            yield return reference;
        }
    }

    private static IEnumerable<TypeReference> MethodTypes(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var reference in method.Parameters.Select(p => p.ParameterType).Concat(method.CustomAttributes.Select(a => a.AttributeType)))
        {
            yield return reference;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var variable in method.Body.Variables)
        {
            yield return variable.VariableType;
        }

        foreach (var operand in method.Body.Instructions.Select(i => i.Operand))
        {
            switch (operand)
            {
                case TypeReference reference:
                    yield return reference;
                    break;
                case MethodReference called:
                    yield return called.DeclaringType;
                    yield return called.ReturnType;
                    foreach (var reference in called.Parameters.Select(p => p.ParameterType)
                        .Concat(called is GenericInstanceMethod generic ? generic.GenericArguments : []))
                    {
                        yield return reference;
                    }

                    break;
                case FieldReference field:
                    yield return field.DeclaringType;
                    yield return field.FieldType;
                    break;
                case VariableDefinition or ParameterDefinition or Instruction or Instruction[] or null:
                    break;
            }
        }
    }

    /// <summary>The declared types inside a constructed one: <c>List&lt;FiledAppeal[]&gt;</c> uses List and FiledAppeal.</summary>
    private static IEnumerable<TypeReference> Flatten(TypeReference reference) => reference switch
    {
        GenericParameter => [],
        GenericInstanceType generic => Flatten(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Flatten)),
        TypeSpecification specification => Flatten(specification.ElementType),
        _ => [reference],
    };

    /// <summary>The outermost declared type a reference names.</summary>
    private static string TopLevelName(TypeReference reference)
    {
        while (reference.DeclaringType is not null)
        {
            reference = reference.DeclaringType;
        }

        return reference.FullName;
    }

    private sealed record Use(string From, string To);

    private sealed record ModuleUses(string Root, IReadOnlyList<Use> Uses)
    {
        public IReadOnlySet<string> Compositions { get; init; } = new HashSet<string>();

        /// <summary>Whether the type composes the module (its DbContext), so what it names is not a folder's use.</summary>
        public bool Composes(string typeName) => Compositions.Contains(typeName);

        /// <summary>The feature folder of a type (the first namespace below the module's), or null for the module's own namespace.</summary>
        public string? Folder(string typeName)
        {
            var ns = typeName[..typeName.LastIndexOf('.')];
            return ns == Root ? null : ns[(Root.Length + 1)..].Split('.')[0];
        }
    }
}
