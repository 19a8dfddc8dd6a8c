using Aims.BuildingBlocks.Mediation;
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

internal sealed class RemoveDocumentHandler(DocumentMarks marks, ContentStores stores, ILogger<RemoveDocumentHandler> logger)
    : IRequestHandler<RemoveDocument, string>
{
    public async Task<string> Handle(RemoveDocument command, CancellationToken cancellationToken)
    {
        var document = await marks.MarkAsync(DocumentMark.Removed, command.By, command.AppealId, command.DocumentId, command.Reason!, cancellationToken);

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
