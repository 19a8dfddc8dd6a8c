using Aims.Host.Messaging;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Runtime;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// MediatR stays the pipeline for requests from pages and the API (issue 20): the running host's Wolverine handles only
/// AIMS's messages, each through its pre-built receiver dispatch, and never a MediatR request or handler.
/// </summary>
public sealed class WolverineHandlersTests
{
    [Test]
    public void Wolverine_handles_every_module_message_through_the_receiver_dispatch_and_no_MediatR_request()
    {
        var runtime = (WolverineRuntime)HostUnderTest.Portal.Services.GetRequiredService<IWolverineRuntime>();
        var registry = HostUnderTest.Portal.Services.GetRequiredService<MessageTypeRegistry>();
        var aims = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name!.StartsWith("Aims.", StringComparison.Ordinal) && !a.GetName().Name!.Contains("Tests", StringComparison.Ordinal))
            .ToList();
        var requests = aims.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(IRequestHandler<>)))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct()
            .ToList();

        requests.Count.ShouldBeGreaterThan(50, "the modules' commands and queries were found");
        requests.Where(runtime.Handlers.CanHandle).ShouldBeEmpty("Wolverine picked up MediatR requests");
        runtime.Handlers.Chains.ShouldBeEmpty("Wolverine discovered or generated handlers of its own");

        var messages = registry.ReceivedMessages.ToList();
        messages.ShouldContain(t => t.Name == "CaseReminder");
        foreach (var message in messages)
        {
            runtime.Handlers.HandlerFor(message).ShouldNotBeNull(message.Name).GetType().Name.ShouldBe("ReceiverDispatch", message.Name);
        }
    }
}
