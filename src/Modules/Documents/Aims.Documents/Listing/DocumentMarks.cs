using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Persistence;
using Aims.Documents.Uploading;
using MediatR;

namespace Aims.Documents.Listing;

/// <summary>The marks staff put on a document, each with who, when and why, and each once.</summary>
internal enum DocumentMark
{
    Superseded,
    Removed,
}

/// <summary>
/// Puts a mark on a document of an appeal the division's staff work (404 for anyone else, as for a stranger); a second
/// mark of the same kind is refused with the first one's details.
/// </summary>
internal sealed class DocumentMarks(IMediator mediator, DocumentQueries queries, DbSession session, TimeProvider time)
{
    public async Task<StoredDocument> MarkAsync(DocumentMark mark, Uploader by, Guid appealId, Guid documentId, string reason, CancellationToken cancellationToken)
    {
        var access = await mediator.Send(new GetAppealAccess(appealId, by.UserId), cancellationToken);
        if (access.Party != AppealParty.AssignedStaff || await queries.FindAsync(appealId, documentId, cancellationToken) is not { } document)
        {
            throw new NotFoundException("No such document.");
        }

        // The column prefix comes from the enum, never from input.
        var column = mark == DocumentMark.Superseded ? "superseded" : "removed";
        await using var update = await session.CommandAsync(
            $"UPDATE documents.documents SET {column}_at = @at, {column}_by_name = @by, {column}_reason = @reason WHERE id = @id AND {column}_at IS NULL",
            cancellationToken);
        update.Parameters.AddWithValue("id", documentId);
        update.Parameters.AddWithValue("at", time.GetUtcNow());
        update.Parameters.AddWithValue("by", by.Name);
        update.Parameters.AddWithValue("reason", reason.Trim());
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new RuleViolationException($"{document.Listing.Name} is already marked: {(mark == DocumentMark.Superseded ? document.Listing.Superseded : document.Listing.Removed)}");
        }

        return document;
    }
}
