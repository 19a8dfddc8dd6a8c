using Aims.Appeals.Persistence;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Benchmarks;

/// <summary>
/// One staff query for the casework scenario: how to send it through the mediator (as the pages and the API do), how to
/// call its handler alone (no pipeline behaviours, to place the mediator's share), how to call that handler on a given
/// DbContext (one made per request, outside the pool: the cost before ADR 0053), and the fewest rows the seed must give it.
/// </summary>
internal sealed record CaseQuery(
    string Key, string Label, int AtLeast, Func<IServiceProvider, Task<int>> Send, Func<IServiceProvider, Task<int>> Handle,
    Func<IServiceProvider, AppealsDbContext, Task<int>> HandleOn)
{
    public static CaseQuery Of<TRequest, TResponse>(string key, string label, int atLeast, TRequest request, Func<TResponse, int> rows)
        where TRequest : IRequest<TResponse>
    {
        ObjectFactory? make = null;
        return new(key, label, atLeast,
            async services => rows(await services.GetRequiredService<IMediator>().Send(request)),
            async services => rows(await services.GetRequiredService<IRequestHandler<TRequest, TResponse>>().Handle(request, CancellationToken.None)),
            async (services, db) =>
            {
                make ??= ActivatorUtilities.CreateFactory(services.GetRequiredService<IRequestHandler<TRequest, TResponse>>().GetType(), [typeof(AppealsDbContext)]);
                return rows(await ((IRequestHandler<TRequest, TResponse>)make(services, [db])).Handle(request, CancellationToken.None));
            });
    }
}
