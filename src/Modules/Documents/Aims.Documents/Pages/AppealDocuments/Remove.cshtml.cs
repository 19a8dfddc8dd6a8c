using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Persistence;
using Aims.Documents.Listing;
using Aims.Documents.Storage;
using Aims.Documents.Uploading;
using Aims.Identity.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;

namespace Aims.Documents.Pages.AppealDocuments;

/// <summary>
/// Retention: an appeals administrator removes a document's content when the records schedule says it may go. The row
/// stays, listed as removed with who, when and why, so the record of what the appeal held survives; the bytes do not.
/// </summary>
internal sealed record RemoveDocument(Uploader By, Guid AppealId, Guid DocumentId, string? Reason) : ICommand<string>;

internal sealed class RemoveDocumentValidator : AbstractValidator<RemoveDocument>
{
    public RemoveDocumentValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the retention rule or reason for removing the content.")
            .MaximumLength(500).WithMessage("Enter at most 500 characters.");
}

internal sealed class RemoveDocumentHandler(
    IMediator mediator, DocumentQueries queries, ContentStores stores, DbSession session, TimeProvider time, ILogger<RemoveDocumentHandler> logger)
    : IRequestHandler<RemoveDocument, string>
{
    public async Task<string> Handle(RemoveDocument command, CancellationToken cancellationToken)
    {
        var access = await mediator.Send(new GetAppealAccess(command.AppealId, command.By.UserId), cancellationToken);
        if (access.Party != AppealParty.AssignedStaff || await queries.FindAsync(command.AppealId, command.DocumentId, cancellationToken) is not { } document)
        {
            throw new NotFoundException("No such document.");
        }

        await using var update = await session.CommandAsync(
            """
            UPDATE documents.documents SET removed_at = @at, removed_by_name = @by, removed_reason = @reason
            WHERE id = @id AND removed_at IS NULL
            """,
            cancellationToken);
        update.Parameters.AddWithValue("id", command.DocumentId);
        update.Parameters.AddWithValue("at", time.GetUtcNow());
        update.Parameters.AddWithValue("by", command.By.Name);
        update.Parameters.AddWithValue("reason", command.Reason!.Trim());
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new RuleViolationException($"{document.Listing.Name} was already removed: {document.Listing.Removed}");
        }

        // Last, so that a refusal above removes nothing; chunks go with the transaction, a file at once.
        await stores.For(document.Storage).DeleteAsync(command.DocumentId, cancellationToken);
        logger.LogWarning(
            "Document {DocumentId} of appeal {AppealId} removed under retention by {UserId}: {Reason}", command.DocumentId, command.AppealId, command.By.UserId, command.Reason);
        return document.Listing.Name;
    }
}

[Authorize(Policy = nameof(Permission.RunOperations))]
internal sealed class RemoveModel(IMediator mediator) : DocumentMarkPage(mediator)
{
    protected override IRequest<string> Command(Guid id, Guid documentId) => new RemoveDocument(Uploader.From(User), id, documentId, Reason);

    protected override string Done(string name) => $"The content of {name} is removed; the record of it stays on the appeal.";
}
