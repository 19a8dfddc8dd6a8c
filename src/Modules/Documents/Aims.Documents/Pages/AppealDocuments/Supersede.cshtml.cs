using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Persistence;
using Aims.Documents.Listing;
using Aims.Documents.Uploading;
using Aims.Identity.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Aims.Documents.Pages.AppealDocuments;

/// <summary>
/// The division's staff mark a document superseded (a corrected copy was filed, the wrong file was sent). Documents are
/// never changed or deleted by users: the document stays listed and downloadable, marked with who, when and why.
/// </summary>
internal sealed record SupersedeDocument(Uploader By, Guid AppealId, Guid DocumentId, string? Reason) : ICommand<string>;

internal sealed class SupersedeDocumentValidator : AbstractValidator<SupersedeDocument>
{
    public SupersedeDocumentValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the document is superseded.")
            .MaximumLength(500).WithMessage("Enter at most 500 characters.");
}

internal sealed class SupersedeDocumentHandler(IMediator mediator, DocumentQueries queries, DbSession session, TimeProvider time)
    : IRequestHandler<SupersedeDocument, string>
{
    public async Task<string> Handle(SupersedeDocument command, CancellationToken cancellationToken)
    {
        var access = await mediator.Send(new GetAppealAccess(command.AppealId, command.By.UserId), cancellationToken);
        if (access.Party != AppealParty.AssignedStaff || await queries.FindAsync(command.AppealId, command.DocumentId, cancellationToken) is not { } document)
        {
            throw new NotFoundException("No such document.");
        }

        await using var update = await session.CommandAsync(
            """
            UPDATE documents.documents SET superseded_at = @at, superseded_by_name = @by, superseded_reason = @reason
            WHERE id = @id AND superseded_at IS NULL
            """,
            cancellationToken);
        update.Parameters.AddWithValue("id", command.DocumentId);
        update.Parameters.AddWithValue("at", time.GetUtcNow());
        update.Parameters.AddWithValue("by", command.By.Name);
        update.Parameters.AddWithValue("reason", command.Reason!.Trim());
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1
            ? document.Listing.Name
            : throw new RuleViolationException($"{document.Listing.Name} is already marked: {document.Listing.Superseded}");
    }
}

[Authorize(Policy = nameof(Permission.WorkAssignedAppeals))]
internal sealed class SupersedeModel(IMediator mediator) : DocumentMarkPage(mediator)
{
    protected override IRequest<string> Command(Guid id, Guid documentId) => new SupersedeDocument(Uploader.From(User), id, documentId, Reason);

    protected override string Done(string name) => $"{name} is marked superseded.";
}
