using Aims.BuildingBlocks.EventSourcing;
using Aims.BuildingBlocks.Mediation;
using MediatR;

namespace Aims.MessagingProbe;

public sealed record StartCounter(Guid CounterId, string Name) : ICommand<long>;

public sealed record IncrementCounter(Guid CounterId, long ExpectedVersion, int Amount) : ICommand<long>;

public sealed class StartCounterHandler(EventStore store) : IRequestHandler<StartCounter, long>
{
    public async Task<long> Handle(StartCounter request, CancellationToken cancellationToken)
    {
        await store.StartStreamAsync(request.CounterId, "counter", [new CounterStarted(request.CounterId, request.Name)], cancellationToken);
        return 1;
    }
}

public sealed class IncrementCounterHandler(EventStore store) : IRequestHandler<IncrementCounter, long>
{
    public Task<long> Handle(IncrementCounter request, CancellationToken cancellationToken) =>
        store.AppendAsync(request.CounterId, request.ExpectedVersion, [new CounterIncremented(request.Amount)], cancellationToken);
}
