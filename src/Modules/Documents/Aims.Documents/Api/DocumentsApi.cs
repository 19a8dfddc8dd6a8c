using System.Security.Claims;
using System.Text.Json.Nodes;
using Aims.Documents.Contracts;
using Aims.Documents.Downloading;
using Aims.Documents.Uploading;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Aims.Documents.Api;

/// <summary>
/// /api/v1/appeals/{id}/documents: list, upload (multipart/form-data: <c>category</c> and optional <c>description</c>
/// before the files), download one (ranges supported) or all as a zip. Same parties and checks as the portal.
/// </summary>
internal static class DocumentsApi
{
    public static void MapDocumentsApi(this IEndpointRouteBuilder endpoints)
    {
        var documents = endpoints.MapGroup("/api/v1/appeals/{id:guid}/documents").WithTags("Documents");
        var read = ApiScopes.Policy(ApiScope.AppealsRead);
        documents.MapGet("/", ListAsync).RequireAuthorization(read).WithName("ListAppealDocuments");
        documents.MapPost("/", UploadAsync).RequireAuthorization(ApiScopes.Policy(ApiScope.DocumentsWrite)).WithName("UploadAppealDocuments")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Described here rather than with Accepts(), whose content-type route constraint would answer a wrong
                // content type before authentication and so with 401 instead of this endpoint's 415.
                operation.RequestBody = UploadBody();
                return Task.CompletedTask;
            })
            .Produces<IReadOnlyList<UploadedDocument>>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status404NotFound);
        documents.MapGet("/{documentId:guid}", (Guid id, Guid documentId, ClaimsPrincipal user, DocumentDownloads downloads, CancellationToken cancellationToken) =>
                downloads.DocumentAsync(id, documentId, Uploader.From(user).UserId, cancellationToken))
            .RequireAuthorization(read).WithName("DownloadAppealDocument").Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        documents.MapGet("/zip", (Guid id, ClaimsPrincipal user, DocumentDownloads downloads, CancellationToken cancellationToken) =>
                downloads.ZipAsync(id, Uploader.From(user).UserId, "appeal-documents.zip", cancellationToken))
            .RequireAuthorization(read).WithName("DownloadAppealDocumentsZip").Produces(StatusCodes.Status200OK, contentType: "application/zip");
    }

    private static OpenApiRequestBody UploadBody() => new()
    {
        Required = true,
        Description = "The fields first (category, then an optional description), then up to the configured number of files.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "category", "files" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["category"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Enum.GetNames<DocumentCategory>().Select(n => (JsonNode)JsonValue.Create(n)).ToList() },
                        ["description"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 500 },
                        ["files"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                    },
                },
            },
        },
    };

    private static async Task<Results<Ok<AppealDocuments>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new ListAppealDocuments(id, Uploader.From(user).UserId), cancellationToken) is { } documents
            ? TypedResults.Ok(documents)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "No such appeal.");

    private static async Task<IResult> UploadAsync(Guid id, HttpContext http, MultipartUploadReader upload, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await upload.UploadAsync(http.Request, id, Uploader.From(http.User), verifyToken: null, cancellationToken);
            return TypedResults.Created($"/api/v1/appeals/{id}/documents", stored);
        }
        catch (UploadRefusedException refused)
        {
            return TypedResults.Problem(refused.ToProblem());
        }
    }
}
