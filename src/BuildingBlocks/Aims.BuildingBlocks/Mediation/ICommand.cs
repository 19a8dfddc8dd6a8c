using MediatR;

namespace Aims.BuildingBlocks.Mediation;

/// <summary>A request that changes state: it runs in one transaction (the host's unit-of-work behaviour).</summary>
public interface ICommand<out TResult> : IRequest<TResult>, ICommandMarker;

/// <summary>Lets behaviours recognise commands without knowing their result type.</summary>
public interface ICommandMarker;
