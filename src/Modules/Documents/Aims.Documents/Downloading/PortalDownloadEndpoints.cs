using System.Security.Claims;
using Aims.Documents.Uploading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aims.Documents.Downloading;

/// <summary>The portal's download routes beside the upload one: one document, or all of an appeal's as a zip.</summary>
internal static class PortalDownloadEndpoints
{
    public static void MapPortalDownloads(this IEndpointRouteBuilder endpoints)
    {
        var documents = endpoints.MapGroup(PortalDocumentEndpoints.Route).RequireAuthorization().ExcludeFromDescription();
        documents.MapGet("/{documentId:guid}", (Guid id, Guid documentId, ClaimsPrincipal user, DocumentDownloads downloads, CancellationToken cancellationToken) =>
            downloads.DocumentAsync(id, documentId, Uploader.From(user).UserId, cancellationToken));
        documents.MapGet("/zip", (Guid id, ClaimsPrincipal user, DocumentDownloads downloads, CancellationToken cancellationToken) =>
            downloads.ZipAsync(id, Uploader.From(user).UserId, "appeal-documents.zip", cancellationToken));
    }
}
