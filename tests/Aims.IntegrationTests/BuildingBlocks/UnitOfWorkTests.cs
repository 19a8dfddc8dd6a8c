using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Persistence;
using Aims.MessagingProbe;
using Aims.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wolverine.Util;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>The MediatR pipeline: validation before the handler, and one transaction around a command.</summary>
public sealed class UnitOfWorkTests : ProbeTest
{
    [Test]
    public async Task Invalid_command_is_refused_naming_the_field_and_nothing_is_written()
    {
        var refusal = await Should.ThrowAsync<ValidationException>(() => Services.SendAsync(new AddNote("")));

        refusal.Errors.Select(e => e.PropertyName).ShouldBe(["Text"]);
        (await ProbeServices.CountAsync("probe.notes")).ShouldBe(0);
        (await WolverineInbox.EnvelopesAsync(Services)).ShouldBeEmpty();
    }

    [Test]
    public async Task Command_commits_its_change_and_its_outbox_message_together_with_the_correlation_id()
    {
        var noteId = await Services.SendAsync(new AddNote("hello"), correlationId: "corr-42", actor: "user-7");

        (await ProbeServices.CountAsync("probe.notes")).ShouldBe(1);
        var envelope = (await WolverineInbox.EnvelopesAsync(Services)).First(e => e.Headers["aims-receiver"] == typeof(RecordingReceiver).FullName);
        envelope.MessageType.ShouldBe(typeof(NoteAdded).ToMessageTypeName());
        envelope.CorrelationId.ShouldBe("corr-42");
        envelope.Headers["aims-actor"].ShouldBe("user-7");
        await WolverineInbox.WaitUntilHandledAsync(Services);
        (await ProbeServices.ScalarAsync<Guid>("SELECT note_id FROM probe.received")).ShouldBe(noteId);
    }

    [Test]
    public async Task Command_that_fails_after_writing_leaves_neither_the_change_nor_the_message()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => Services.SendAsync(new AddNote("doomed", FailAfterWrite: true)));

        (await ProbeServices.CountAsync("probe.notes")).ShouldBe(0);
        (await WolverineInbox.EnvelopesAsync(Services)).ShouldBeEmpty();
    }

    [Test]
    public async Task A_context_leased_again_from_the_pool_saves_in_its_new_scopes_transaction()
    {
        ProbeDbContext first;
        await using (var scope = Services.CreateAsyncScope())
        {
            first = await SaveNotesAsync(scope.ServiceProvider, commit: true, "kept");
        }

        // Two rows, so EF Core needs a transaction for the save: it must join the new scope's, not begin its own
        // (refused on a connection already in one) nor reuse the one of the scope it was leased to before.
        await using (var scope = Services.CreateAsyncScope())
        {
            var again = await SaveNotesAsync(scope.ServiceProvider, commit: false, "rolled back", "rolled back too");

            again.ShouldBeSameAs(first);
            again.Database.GetDbConnection().ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<DbSession>().Connection);
        }

        (await ProbeServices.ScalarAsync<string>("SELECT string_agg(text, ',') FROM probe.notes")).ShouldBe("kept");
    }

    [Test]
    public async Task Publishing_outside_a_command_is_an_error_because_the_message_would_not_commit_with_its_cause()
    {
        await using var scope = Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IOutbox>();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => bus.PublishAsync(new NoteAdded(Guid.NewGuid(), "x")));

        error.Message.ShouldContain("inside a command");
    }

    /// <summary>Adds notes through the scope's context in a transaction of the scope's session, then commits or rolls back.</summary>
    private static async Task<ProbeDbContext> SaveNotesAsync(IServiceProvider services, bool commit, params string[] texts)
    {
        var session = services.GetRequiredService<DbSession>();
        var db = services.GetRequiredService<ProbeDbContext>();
        await session.BeginAsync(CancellationToken.None);
        db.Notes.AddRange(texts.Select(text => new Note { Id = Guid.NewGuid(), Text = text }));
        await db.SaveChangesAsync();
        await (commit ? session.CommitAsync(CancellationToken.None) : session.RollbackAsync());
        return db;
    }
}
