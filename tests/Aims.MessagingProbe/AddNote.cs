using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using FluentValidation;
using MediatR;

namespace Aims.MessagingProbe;

/// <summary>A command that changes a table and publishes an event; <see cref="FailAfterWrite"/> proves the rollback.</summary>
public sealed record AddNote(string Text, bool FailAfterWrite = false) : ICommand<Guid>;

public sealed record NoteAdded(Guid NoteId, string Text) : IIntegrationEvent;

public sealed class AddNoteValidator : AbstractValidator<AddNote>
{
    public AddNoteValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(50);
}

public sealed class AddNoteHandler(ProbeDbContext db, IOutbox bus) : IRequestHandler<AddNote, Guid>
{
    public async Task<Guid> Handle(AddNote request, CancellationToken cancellationToken)
    {
        var note = new Note { Id = Guid.NewGuid(), Text = request.Text };
        db.Notes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        await bus.PublishAsync(new NoteAdded(note.Id, note.Text), cancellationToken);
        if (request.FailAfterWrite)
        {
            throw new InvalidOperationException("Failing after the write, as asked.");
        }

        return note.Id;
    }
}
