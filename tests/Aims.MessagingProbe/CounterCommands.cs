using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Mediation;
using MediatR;

namespace Aims.MessagingProbe;

public sealed record StartCounter(Guid CounterId, string Name) : ICommand<long>;

public sealed record IncrementCounter(Guid CounterId, long ExpectedVersion, int Amount) : ICommand<long>;

internal sealed class StartCounterHandler(EventStreams store) : IRequestHandler<StartCounter, long>
{
    public async Task<long> Handle(StartCounter request, CancellationToken cancellationToken)
    {
        await store.StartAsync<Counter>(request.CounterId, [new CounterStarted(request.CounterId, request.Name)], cancellationToken);
        return 1;
    }
}

internal sealed class IncrementCounterHandler(EventStreams store) : IRequestHandler<IncrementCounter, long>
{
    public Task<long> Handle(IncrementCounter request, CancellationToken cancellationToken) =>
        store.AppendAsync(request.CounterId, request.ExpectedVersion, [new CounterIncremented(request.Amount)], cancellationToken);
}

/// <summary>Appends <paramref name="Events"/> increments of one in a single append (the events benchmark's large append).</summary>
public sealed record IncrementCounterMany(Guid CounterId, long ExpectedVersion, int Events) : ICommand<long>;

internal sealed class IncrementCounterManyHandler(EventStreams store) : IRequestHandler<IncrementCounterMany, long>
{
    public Task<long> Handle(IncrementCounterMany request, CancellationToken cancellationToken) =>
        store.AppendAsync(
            request.CounterId, request.ExpectedVersion,
            Enumerable.Range(0, request.Events).Select(_ => (object)new CounterIncremented(1)).ToList(), cancellationToken);
}
