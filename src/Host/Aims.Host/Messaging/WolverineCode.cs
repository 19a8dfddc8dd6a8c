using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Host.Messaging;

/// <summary>
/// Wolverine's pre-generated code (ADR 0049): written by the host's <c>codegen</c> verb into <see cref="Folder"/>,
/// compiled into this assembly and loaded with <c>TypeLoadMode.Static</c>, so no host compiles or scans at start.
/// </summary>
public static class WolverineCode
{
    /// <summary>Where the generated files are committed, relative to the repository root.</summary>
    public const string Folder = "src/Host/Aims.Host/Messaging/Generated";

    /// <summary>The generated types' namespace (Wolverine finds them by base type in this assembly).</summary>
    public const string Namespace = "Aims.Host.Messaging.Generated";

    /// <summary>
    /// Writes every file Wolverine would generate for this configuration into <paramref name="folder"/> (through
    /// JasperFx's own <c>codegen write</c> machinery) and returns their paths.
    /// </summary>
    public static IReadOnlyList<string> Write(IServiceProvider services, string folder)
    {
        var collections = services.GetServices<ICodeFileCollection>().ToArray();
        foreach (var collection in collections)
        {
            collection.Rules.GeneratedCodeOutputPath = folder;
        }

        var written = new List<string>();
        new DynamicCodeBuilder(services, collections) { ServiceVariableSource = services.GetService<IServiceVariableSource>() }
            .WriteGeneratedCode(written.Add);
        return written;
    }
}
