using Aims.BuildingBlocks.EventStreams;
using Aims.BuildingBlocks.Mediation;
using MediatR;

namespace Aims.MessagingProbe;

public sealed record StartCounter(Guid CounterId, string Name) : ICommand<long>;

public sealed record IncrementCounter(Guid CounterId, long ExpectedVersion, int Amount) : ICommand<long>;

public sealed class StartCounterHandler(EventStreams store) : IRequestHandler<StartCounter, long>
{
    public async Task<long> Handle(StartCounter request, CancellationToken cancellationToken)
    {
        await store.StartAsync<Counter>(request.CounterId, [new CounterStarted(request.CounterId, request.Name)], cancellationToken);
        return 1;
    }
}

public sealed class IncrementCounterHandler(EventStreams store) : IRequestHandler<IncrementCounter, long>
{
    public Task<long> Handle(IncrementCounter request, CancellationToken cancellationToken) =>
        store.AppendAsync(request.CounterId, request.ExpectedVersion, [new CounterIncremented(request.Amount)], cancellationToken);
}
