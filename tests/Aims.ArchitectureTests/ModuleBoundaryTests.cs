using System.Reflection;
using System.Runtime.CompilerServices;
using Aims.BuildingBlocks.Modules;
using Aims.Testing;

namespace Aims.ArchitectureTests;

/// <summary>The modular monolith's rules (docs/adr/0001), checked on the compiled assemblies.</summary>
public sealed class ModuleBoundaryTests
{
    [Test]
    public void Every_module_folder_is_a_known_module_with_its_contracts_and_the_host_loads_them_all()
    {
        var folders = Directory.GetDirectories(Path.Combine(Repository.Root(), "src", "Modules")).Select(Path.GetFileName).Order();

        folders.ShouldBe(Solution.ModuleNames.Order(), "a new module must be added to these architecture tests");
        foreach (var name in Solution.ModuleNames)
        {
            Solution.Assemblies.Keys.ShouldContain($"Aims.{name}");
            Solution.Assemblies.Keys.ShouldContain($"Aims.{name}.Contracts");
        }
    }

    [Test]
    public void Every_project_under_src_is_loaded_through_the_host()
    {
        var unseen = Solution.SourceProjects().Except(Solution.Assemblies.Keys).ToList();

        unseen.ShouldBeEmpty("the host must reference every product project, or these rules would not see it");
    }

    [Test]
    public void A_module_references_only_the_building_blocks_its_own_contracts_and_other_modules_contracts()
    {
        var offenders = Solution.Modules
            .SelectMany(module => Solution.OurReferences(module)
                .Where(reference => reference != "Aims.BuildingBlocks" && !reference.EndsWith(".Contracts", StringComparison.Ordinal))
                .Select(reference => $"{module.GetName().Name} → {reference}"))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [Test]
    public void A_module_project_declares_references_only_to_the_building_blocks_and_contracts()
    {
        var offenders = Solution.ModuleNames
            .SelectMany(name => Solution.DeclaredReferences($"Aims.{name}")
                .Where(reference => reference != "Aims.BuildingBlocks" && !reference.EndsWith(".Contracts", StringComparison.Ordinal))
                .Select(reference => $"Aims.{name}.csproj → {reference}"))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [Test]
    public void A_contracts_project_declares_a_reference_only_to_the_building_blocks()
    {
        var offenders = Solution.ModuleNames
            .SelectMany(name => Solution.DeclaredReferences($"Aims.{name}.Contracts")
                .Where(reference => reference != "Aims.BuildingBlocks")
                .Select(reference => $"Aims.{name}.Contracts.csproj → {reference}"))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [Test]
    public void The_building_blocks_project_declares_no_project_references()
    {
        Solution.DeclaredReferences("Aims.BuildingBlocks").ShouldBeEmpty();
    }

    [Test]
    public void A_contracts_assembly_references_only_the_building_blocks()
    {
        var offenders = Solution.Contracts
            .SelectMany(contracts => Solution.OurReferences(contracts)
                .Where(reference => reference != "Aims.BuildingBlocks")
                .Select(reference => $"{contracts.GetName().Name} → {reference}"))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [Test]
    public void Contracts_carry_no_persistence_concerns()
    {
        var offenders = Solution.Contracts
            .SelectMany(contracts => contracts.GetReferencedAssemblies()
                .Where(reference => reference.Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || reference.Name.StartsWith("Npgsql", StringComparison.Ordinal))
                .Select(reference => $"{contracts.GetName().Name} → {reference.Name}"))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [Test]
    public void Contracts_types_are_public_records_enums_interfaces_or_static_data()
    {
        var offenders = Solution.Contracts
            .SelectMany(contracts => contracts.GetTypes())
            .Where(type => !type.IsNested && type.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            // Wolverine's JasperFx source generator adds an internal DiscoveredEventModels to every assembly it reaches.
            .Where(type => type.Namespace != "JasperFx.Generated")
            .Where(type => !type.IsPublic || (type.IsClass && !IsRecord(type) && !(type.IsAbstract && type.IsSealed)))
            .Select(type => $"{type.FullName} ({(type.IsPublic ? "a class with behaviour" : "not public")})")
            .ToList();

        offenders.ShouldBeEmpty("Contracts are messages and shared read-only data; behaviour belongs in a module");
    }

    [Test]
    public void The_building_blocks_reference_no_module()
    {
        Solution.OurReferences(Solution.BuildingBlocks).ShouldBeEmpty();
    }

    /// <summary>Sending belongs to Notifications (ADR 0051): other modules queue through its Contracts, only it talks to a mail server.</summary>
    [Test]
    public void Only_the_Notifications_module_builds_and_sends_mail()
    {
        var senders = Solution.Assemblies.Values
            .Where(assembly => assembly.GetReferencedAssemblies().Any(name => name.Name is "MailKit" or "MimeKit"))
            .Select(assembly => assembly.GetName().Name)
            .ToList();

        senders.ShouldBe(["Aims.Notifications"]);
        Solution.BuildingBlocks.GetTypes().Where(type => type.Namespace is { } name && (name.EndsWith(".Mail", StringComparison.Ordinal) || name.EndsWith(".TextMessages", StringComparison.Ordinal)))
            .ShouldBeEmpty("emails and texts are the Notifications module's");
    }

    [Test]
    public void No_module_contracts_or_building_block_project_references_the_host()
    {
        var projects = Solution.ModuleNames.SelectMany(name => new[] { $"Aims.{name}", $"Aims.{name}.Contracts" }).Append("Aims.BuildingBlocks").ToList();

        var declared = projects.Where(project => Solution.DeclaredReferences(project).Contains("Aims.Host")).Select(project => $"{project}.csproj → Aims.Host");
        var compiled = projects.Where(project => Solution.OurReferences(Solution.Assemblies[project]).Contains("Aims.Host")).Select(project => $"{project} → Aims.Host");

        projects.Count.ShouldBe(11);
        declared.Concat(compiled).ToList().ShouldBeEmpty("the host composes the modules (ADR 0046); a module needing it would turn that around");
    }

    /// <summary>Wolverine is the host's (ADR 0046, 0050): the floor keeps only the port modules send, schedule and read through.</summary>
    [Test]
    public void The_building_blocks_carry_the_messaging_port_and_nothing_of_Wolverine()
    {
        static bool IsWolverines(string name) => name.StartsWith("Wolverine", StringComparison.Ordinal) || name.StartsWith("JasperFx", StringComparison.Ordinal) || name.StartsWith("Weasel", StringComparison.Ordinal);
        var project = Path.Combine(Repository.Root(), "src", "BuildingBlocks", "Aims.BuildingBlocks", "Aims.BuildingBlocks.csproj");
        var packages = System.Xml.Linq.XDocument.Load(project).Descendants("PackageReference").Select(package => package.Attribute("Include")!.Value);
        var port = Solution.BuildingBlocks.GetTypes()
            .Where(type => type.Namespace == "Aims.BuildingBlocks.Messaging" && !type.IsNested && type.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Select(type => type.Name);

        packages.Where(IsWolverines).ShouldBeEmpty();
        Solution.BuildingBlocks.GetReferencedAssemblies().Select(name => name.Name!).Where(IsWolverines).ShouldBeEmpty();
        port.ShouldBe(
            ["IMessage", "IIntegrationEvent", "IOutsideDelivery", "IOutbox", "ScheduledWork", "PermanentFailureException", "IMessageOperations", "MessageSummary"],
            ignoreOrder: true, "Wolverine's wiring is src/Host/Aims.Host/Messaging; the floor keeps what modules name");
    }

    /// <summary>Modules publish, schedule and receive through the port; a message's old wire name is the host's to map (ADR 0046).</summary>
    [Test]
    public void Only_the_host_compiles_against_Wolverine()
    {
        var users = Solution.Assemblies.Values
            .Where(assembly => assembly.GetReferencedAssemblies().Any(name => name.Name!.StartsWith("Wolverine", StringComparison.Ordinal)))
            .Select(assembly => assembly.GetName().Name)
            .ToList();

        users.ShouldBe(["Aims.Host"]);
    }

    [Test]
    public void Nothing_in_a_module_is_public_but_its_module_entry_point()
    {
        var offenders = Solution.Modules
            .SelectMany(module => module.GetTypes())
            .Where(type => (type.IsPublic || type.IsNestedPublic) && !typeof(IModule).IsAssignableFrom(type))
            .Select(type => type.FullName)
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [Test]
    public void Every_module_has_exactly_one_entry_point()
    {
        foreach (var module in Solution.Modules)
        {
            module.GetTypes().Count(type => typeof(IModule).IsAssignableFrom(type)).ShouldBe(1, module.GetName().Name);
        }
    }

    [Test]
    public void Module_classes_are_sealed_unless_abstract_or_static()
    {
        var offenders = Solution.Modules
            .SelectMany(module => module.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false, IsSealed: false }
                && type.GetCustomAttribute<CompilerGeneratedAttribute>() is null
                && !type.Name.Contains('<', StringComparison.Ordinal))
            .Select(type => type.FullName)
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [Test]
    public void Our_assemblies_reference_each_other_without_cycles()
    {
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        var cycles = new List<string>();

        void Visit(string name, Stack<string> path)
        {
            if (done.Contains(name))
            {
                return;
            }

            if (!visiting.Add(name))
            {
                cycles.Add(string.Join(" → ", path.Reverse().SkipWhile(n => n != name).Append(name)));
                return;
            }

            path.Push(name);
            foreach (var reference in Solution.OurReferences(Solution.Assemblies[name]))
            {
                Visit(reference, path);
            }

            path.Pop();
            visiting.Remove(name);
            done.Add(name);
        }

        foreach (var name in Solution.Assemblies.Keys)
        {
            Visit(name, new Stack<string>());
        }

        cycles.ShouldBeEmpty();
    }

    /// <summary>The compiler gives every record class a hidden clone method for `with`.</summary>
    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;
}
