using Aims.Host.Messaging;
using Aims.Testing;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// Wolverine's generated code is committed and loaded statically (ADR 0049). `Aims.Host codegen` regenerates it from the
/// current configuration; when that differs from what is committed, the code is stale and this fails until
/// `./build.sh codegen` is run and its output committed.
/// </summary>
public sealed class GeneratedCodeTests
{
    [Test]
    public async Task The_committed_generated_code_is_what_codegen_writes_from_the_current_configuration()
    {
        var fresh = Directory.CreateTempSubdirectory("aims-codegen-").FullName;
        try
        {
            // No database is contacted: the port is one nothing listens on.
            var outcome = await HostProcess.RunAsync(
                new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["ConnectionStrings__Aims"] = "Host=127.0.0.1;Port=9;Database=none;Username=none;Password=none",
                },
                "codegen", fresh);

            outcome.ExitCode.ShouldBe(0, outcome.Output);
            var committed = Path.Combine(Repository.Root(), WolverineCode.Folder);
            var generated = FilesIn(fresh);
            generated.Keys.ShouldContain(Path.Combine("WolverineHandlers", "GeneratedHandlerRegistry.cs"));
            FilesIn(committed).Keys.ShouldBe(generated.Keys, ignoreOrder: true,
                customMessage: $"The files in {WolverineCode.Folder} are not the ones Wolverine generates now: run ./build.sh codegen and commit the result.");
            foreach (var (name, text) in FilesIn(committed))
            {
                text.ShouldBe(generated[name], $"{WolverineCode.Folder}/{name} is stale: run ./build.sh codegen and commit the result.");
            }
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }

    [Test]
    public void The_host_loads_Wolverine_code_statically_from_the_assembly_that_holds_the_committed_registry()
    {
        var options = HostUnderTest.Portal.Services.GetRequiredService<WolverineOptions>();

        options.CodeGeneration.TypeLoadMode.ShouldBe(TypeLoadMode.Static);
        options.ApplicationAssembly.ShouldBe(typeof(WolverineCode).Assembly);
        typeof(WolverineCode).Assembly.ExportedTypes.ShouldContain(type => type.IsSubclassOf(typeof(HandlerRegistry)));
    }

    private static Dictionary<string, string> FilesIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .ToDictionary(file => Path.GetRelativePath(folder, file), File.ReadAllText)
            : [];
}
