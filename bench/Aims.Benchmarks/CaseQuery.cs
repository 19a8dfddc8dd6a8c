using MediatR;

namespace Aims.Benchmarks;

/// <summary>One staff query for the casework scenario: how to send it, and the fewest rows the seed must give it.</summary>
internal sealed record CaseQuery(string Key, string Label, int AtLeast, Func<IMediator, Task<int>> Send);
