using Aims.Host.Messaging;
using JasperFx.CodeGeneration;

namespace Aims.Host.Startup;

/// <summary>
/// <c>Aims.Host codegen [folder]</c>: writes Wolverine's generated code where the build compiles it (ADR 0049), or into
/// <c>folder</c> (the staleness test compares the two). Touches no database.
/// </summary>
internal static class CodegenCommand
{
    public static int Run(IServiceProvider services, IReadOnlyList<string> args)
    {
        var folder = args.Count > 1 ? Path.GetFullPath(args[1]) : Path.Combine(RepositoryRoot(), WolverineCode.Folder);
        // Generate from the configuration, not from the registry already committed (Static mode would load it).
        DynamicCodeBuilder.WithinCodegenCommand = true;
        // A file Wolverine no longer generates must not stay behind.
        if (Directory.Exists(folder))
        {
            foreach (var old in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                File.Delete(old);
            }
        }

        foreach (var file in WolverineCode.Write(services, folder))
        {
            Console.WriteLine($"Wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), file)}");
        }

        return 0;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aims.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("Run codegen inside the checkout (where Aims.sln is), or name the folder to write to: codegen <folder>.");
    }
}
