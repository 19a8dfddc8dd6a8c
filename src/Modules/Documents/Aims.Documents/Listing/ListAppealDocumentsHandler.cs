using Aims.Appeals.Contracts;
using Aims.Documents.Contracts;
using Aims.Documents.Uploading;
using MediatR;
using Microsoft.Extensions.Options;

namespace Aims.Documents.Listing;

/// <summary>The appeal page's and the API's list: every document, quarantined ones included so people see why one is missing.</summary>
internal sealed class ListAppealDocumentsHandler(IMediator mediator, DocumentQueries queries, IOptions<DocumentOptions> options)
    : IRequestHandler<ListAppealDocuments, AppealDocuments?>
{
    public async Task<AppealDocuments?> Handle(ListAppealDocuments request, CancellationToken cancellationToken)
    {
        var access = await mediator.Send(new GetAppealAccess(request.AppealId, request.UserId), cancellationToken);
        if (!access.CanRead)
        {
            return null;
        }

        var documents = await queries.ForAppealAsync(request.AppealId, cancellationToken);
        return new AppealDocuments(
            request.AppealId,
            access.CanAddDocuments,
            access.Party == AppealParty.AssignedStaff,
            documents.Select(d => d.Listing).ToList(),
            options.Value.MaxFileBytes,
            options.Value.MaxFilesPerUpload,
            FileTypes.Extensions);
    }
}
