using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.MessagingProbe;

/// <summary>A query that needs the database, for outage tests.</summary>
public sealed record CountNotes : IRequest<int>;

public sealed class CountNotesHandler(ProbeDbContext db) : IRequestHandler<CountNotes, int>
{
    public Task<int> Handle(CountNotes request, CancellationToken cancellationToken) => db.Notes.CountAsync(cancellationToken);
}
