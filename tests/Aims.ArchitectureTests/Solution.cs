using System.Reflection;
using Aims.Testing;
using Microsoft.Extensions.DependencyModel;

namespace Aims.ArchitectureTests;

/// <summary>The product's own assemblies, found by walking the host's project references, and the projects on disk.</summary>
internal static class Solution
{
    public static readonly string[] ModuleNames = ["Identity", "Registration", "Appeals", "Documents", "Notifications"];

    /// <summary>The product's assemblies (not the tests'): the host and every project it references.</summary>
    public static IReadOnlyDictionary<string, Assembly> Assemblies { get; } = Load();

    public static Assembly BuildingBlocks => Assemblies["Aims.BuildingBlocks"];

    public static IEnumerable<Assembly> Modules => ModuleNames.Select(name => Assemblies[$"Aims.{name}"]);

    public static IEnumerable<Assembly> Contracts => ModuleNames.Select(name => Assemblies[$"Aims.{name}.Contracts"]);

    public static bool IsOurs(AssemblyName name) => name.Name!.StartsWith("Aims.", StringComparison.Ordinal);

    public static IEnumerable<string> OurReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Where(IsOurs).Select(name => name.Name!);

    /// <summary>Every &lt;ProjectReference&gt; a project file declares, as project names.</summary>
    public static IEnumerable<string> DeclaredReferences(string projectName)
    {
        var project = Directory.GetFiles(Path.Combine(Repository.Root(), "src"), projectName + ".csproj", SearchOption.AllDirectories).Single();
        return System.Xml.Linq.XDocument.Load(project).Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')));
    }

    /// <summary>The name of every project under src/, so a project the host does not load cannot escape the rules.</summary>
    public static IEnumerable<string> SourceProjects() =>
        Directory.GetFiles(Path.Combine(Repository.Root(), "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetFileNameWithoutExtension(path));

    /// <summary>
    /// The host and every project it depends on, directly or not, as the build recorded them (deps.json): compiled
    /// references would miss a project referenced but not yet used, such as a module's still-empty Contracts.
    /// </summary>
    private static Dictionary<string, Assembly> Load()
    {
        var projects = DependencyContext.Default!.RuntimeLibraries
            .Where(library => library.Type == "project")
            .ToDictionary(library => library.Name, StringComparer.Ordinal);
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<string>([typeof(Program).Assembly.GetName().Name!]);
        while (pending.TryPop(out var name))
        {
            if (found.TryAdd(name, Assembly.Load(name)))
            {
                foreach (var dependency in projects[name].Dependencies.Where(d => projects.ContainsKey(d.Name)))
                {
                    pending.Push(dependency.Name);
                }
            }
        }

        return found;
    }
}
