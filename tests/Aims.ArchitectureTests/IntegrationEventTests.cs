using System.Reflection;
using Aims.BuildingBlocks.Modules;

namespace Aims.ArchitectureTests;

/// <summary>
/// The map of messages stays true: an event is declared in the Contracts of the one module that constructs it, and a
/// module handles it (a Handle method taking it) unless it is marked as published for outside consumers.
/// </summary>
public sealed class IntegrationEventTests
{
    private static readonly BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static IEnumerable<Type> Events() =>
        Solution.Contracts.SelectMany(contracts => contracts.GetTypes())
            .Where(type => type.GetInterfaces().Any(i => i.Name == "IIntegrationEvent"));

    private static string Owner(Assembly assembly) => assembly.GetName().Name!.Split('.')[1];

    [Test]
    public void Every_integration_event_is_declared_in_the_contracts_of_the_one_module_that_publishes_it()
    {
        var wrong = Events()
            .Select(type => (Event: type.Name, Declared: Owner(type.Assembly), Publishers: Solution.Modules.Where(module => Constructs(module, type)).Select(Owner).ToList()))
            .Where(found => found.Publishers.Count != 1 || found.Publishers[0] != found.Declared)
            .Select(found => $"{found.Event}: declared in {found.Declared}.Contracts, published by [{string.Join(", ", found.Publishers)}]");

        wrong.ShouldBeEmpty();
    }

    [Test]
    public void Every_integration_event_is_handled_by_a_module_or_marked_as_published_for_outside_consumers()
    {
        var handled = Handled();

        var unheard = Events()
            .Where(type => !handled.Contains(type) && type.GetCustomAttribute<PublishedForOutsideConsumersAttribute>() is null)
            .Select(type => type.Name);

        unheard.ShouldBeEmpty();
    }

    [Test]
    public void An_event_marked_for_outside_consumers_is_not_also_handled_inside()
    {
        var handled = Handled();

        Events().Where(type => type.GetCustomAttribute<PublishedForOutsideConsumersAttribute>() is not null && handled.Contains(type))
            .Select(type => type.Name).ShouldBeEmpty();
    }

    private static HashSet<Type> Handled() =>
        Solution.Modules.SelectMany(module => module.GetTypes())
            .SelectMany(type => type.GetMethods(Declared))
            .Where(method => method.Name is "Handle" or "HandleAsync" or "Consume" or "ConsumeAsync")
            .SelectMany(method => method.GetParameters().Take(1).Select(parameter => parameter.ParameterType))
            .ToHashSet();

    /// <summary>Whether any method of <paramref name="module"/> (async state machines and lambdas included) news up <paramref name="message"/>.</summary>
    internal static bool Constructs(Assembly module, Type message)
    {
        var constructors = message.GetConstructors().Select(constructor => constructor.MetadataToken).ToHashSet();
        foreach (var type in module.GetTypes())
        {
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                if (method.GetMethodBody()?.GetILAsByteArray() is { } il && NewsUp(il, method.Module, message, constructors))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // newobj is 0x73 followed by a method token; a stray 0x73 inside another operand resolves to nothing or to another type.
    private static bool NewsUp(byte[] il, Module module, Type message, HashSet<int> constructors)
    {
        for (var at = 0; at + 4 < il.Length; at++)
        {
            if (il[at] != 0x73 || il[at + 4] != 0x0A)
            {
                continue;
            }

            try
            {
                if (module.ResolveMethod(BitConverter.ToInt32(il, at + 1)) is { } called && called.DeclaringType == message && constructors.Contains(called.MetadataToken))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
            }
        }

        return false;
    }
}
