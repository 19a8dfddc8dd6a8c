using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Persistence;
using MediatR;

namespace Aims.Host.Composition;

/// <summary>
/// Wraps a command in one transaction on the scope's connection: its changes, events and outbox messages commit
/// together or not at all. A command sent from inside another joins the outer transaction.
/// </summary>
internal sealed class UnitOfWorkBehavior<TRequest, TResponse>(DbSession session) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommandMarker || session.InTransaction)
        {
            return await next();
        }

        await session.BeginAsync(cancellationToken);
        try
        {
            var response = await next();
            await session.CommitAsync(cancellationToken);
            return response;
        }
        catch
        {
            await session.RollbackAsync();
            throw;
        }
    }
}
