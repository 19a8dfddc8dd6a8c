using System.Reflection;
using Aims.Testing;

namespace Aims.ArchitectureTests;

/// <summary>The project's own assemblies, found by walking the host's references, and the module folders on disk.</summary>
internal static class Solution
{
    public static readonly string[] ModuleNames = ["Identity", "Registration", "Appeals", "Documents", "Notifications"];

    /// <summary>The product's assemblies (not the tests'): the host and everything of ours it brings into the output.</summary>
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

    private static Dictionary<string, Assembly> Load()
    {
        _ = typeof(Program); // the host project reference copies every product assembly next to the tests
        string[] productPrefixes = ["Aims.BuildingBlocks", "Aims.Host", .. ModuleNames.Select(name => $"Aims.{name}")];
        return Directory.GetFiles(AppContext.BaseDirectory, "Aims.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => productPrefixes.Any(prefix => name == prefix || name!.StartsWith(prefix + ".", StringComparison.Ordinal)))
            .ToDictionary(name => name!, name => Assembly.Load(name!), StringComparer.Ordinal);
    }
}
