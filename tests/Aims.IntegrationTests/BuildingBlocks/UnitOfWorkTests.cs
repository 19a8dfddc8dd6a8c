using Aims.BuildingBlocks.Messaging;
using Aims.MessagingProbe;
using Aims.Testing;
using FluentValidation;
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
    public async Task Publishing_outside_a_command_is_an_error_because_the_message_would_not_commit_with_its_cause()
    {
        await using var scope = Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IOutbox>();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => bus.PublishAsync(new NoteAdded(Guid.NewGuid(), "x")));

        error.Message.ShouldContain("inside a command");
    }
}
