using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Validation;
using Aims.Documents.Contracts;
using Aims.Documents.Storage;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace Aims.Documents.Uploading;

/// <summary>
/// Reads the multipart upload as it arrives (fields first, then up to the configured number of files) and hands each
/// stream to <see cref="DocumentIntake"/>. One transaction: any refusal or failure keeps nothing.
/// </summary>
internal sealed class MultipartUploadReader(
    IMediator mediator, DbSession session, DocumentIntake intake, IOptions<DocumentOptions> options, IStringLocalizer<DocumentsText> t)
{
    private const int FieldLimit = 4096;

    /// <param name="verifyToken">
    /// For the page: checks the antiforgery token, which must be the first field, before any file is read.
    /// </param>
    public async Task<IReadOnlyList<UploadedDocument>> UploadAsync(
        HttpRequest request, Guid appealId, Uploader uploader, Func<string, Task>? verifyToken, CancellationToken cancellationToken)
    {
        var access = await mediator.Send(new GetAppealAccess(appealId, uploader.UserId), cancellationToken);
        if (!access.CanRead)
        {
            throw new UploadRefusedException(StatusCodes.Status404NotFound, t["No such appeal."]);
        }

        if (!access.CanAddDocuments)
        {
            throw new UploadRefusedException(StatusCodes.Status403Forbidden, t["You may read this appeal but not add documents to it."]);
        }

        var limits = options.Value;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = (limits.MaxFileBytes * limits.MaxFilesPerUpload) + (1024 * 1024);
        }

        var boundary = Boundary(request);
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        var written = new List<IContentWriter>();
        await session.BeginAsync(cancellationToken);
        try
        {
            var stored = await ReadSectionsAsync(reader, appealId, uploader, verifyToken, written, cancellationToken);
            await session.CommitAsync(cancellationToken);
            return stored;
        }
        catch (Exception failure)
        {
            await session.RollbackAsync();
            await intake.DiscardAsync(written);

            if (Refusal(failure) is { } refusal)
            {
                throw refusal;
            }

            throw;
        }
    }

    private UploadRefusedException? Refusal(Exception failure) => failure switch
    {
        UploadRefusedException refused => refused,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new UploadRefusedException(
            StatusCodes.Status413PayloadTooLarge,
            t["The upload is larger than {0} files of {1} each.", options.Value.MaxFilesPerUpload, ByteSizes.Describe(options.Value.MaxFileBytes)]),
        // A body that ends early surfaces as an IOException in a file's bytes, or as a malformed header when it ends
        // among a part's headers.
        IOException or InvalidDataException or BadHttpRequestException =>
            new UploadRefusedException(StatusCodes.Status400BadRequest, t["The upload was cut off or garbled before it ended. Nothing was kept; send it again."]),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => new UploadRefusedException(
            StatusCodes.Status409Conflict, t["The same file was being added to this appeal at the same moment. Reload the appeal to see it."]),
        _ => null,
    };

    private async Task<IReadOnlyList<UploadedDocument>> ReadSectionsAsync(
        MultipartReader reader, Guid appealId, Uploader uploader, Func<string, Task>? verifyToken, List<IContentWriter> written, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var tokenChecked = verifyToken is null;
        DocumentCategory? category = null;
        string? description = null;
        var stored = new List<UploadedDocument>();
        var files = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Each part of the upload must be a form field or a file."]);
            }

            var name = disposition.Name.Value ?? "";
            if (!disposition.IsFileDisposition())
            {
                var value = await FieldAsync(section, name, cancellationToken);
                switch (name)
                {
                    case "__RequestVerificationToken" when verifyToken is not null:
                        await verifyToken(value);
                        tokenChecked = true;
                        break;
                    case "category":
                        category = Enum.TryParse<DocumentCategory>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                            ? parsed
                            : throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Choose what the documents are ({0}).", string.Join(", ", Enum.GetNames<DocumentCategory>())], "category");
                        break;
                    case "description":
                        description = string.IsNullOrWhiteSpace(value) ? null
                            : TextCharacters.Problem(value) is not null
                                ? throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Remove the control characters or hidden direction marks from the description."], "description")
                            : value.Trim().Length <= 500 ? value.Trim()
                            : throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Enter a description of at most 500 characters."], "description");
                        break;
                }

                continue;
            }

            if (!tokenChecked)
            {
                throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["The form's security token must come before the files. Reload the page and try again."]);
            }

            if (category is null)
            {
                throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Choose what the documents are before the files (the category field comes first)."], "category");
            }

            var fileName = (disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value)?.Trim('"') ?? "";
            if (fileName.Length == 0 && section.Body.ReadByte() == -1)
            {
                continue; // A file input left empty sends a part with no name and no bytes.
            }

            if (++files > limits.MaxFilesPerUpload)
            {
                throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Send at most {0} files at a time.", limits.MaxFilesPerUpload], "files");
            }

            stored.Add(await intake.StoreAsync(section.Body, fileName, appealId, category.Value, description, uploader, written, cancellationToken));
        }

        return stored.Count > 0
            ? stored
            : throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["Choose at least one file to upload."], "files");
    }

    private async Task<string> FieldAsync(MultipartSection section, string name, CancellationToken cancellationToken)
    {
        var buffer = new char[FieldLimit + 1];
        using var text = new StreamReader(section.Body);
        var length = await text.ReadBlockAsync(buffer, cancellationToken);
        return length <= FieldLimit
            ? new string(buffer, 0, length)
            : throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["The field {0} is too long.", name], name);
    }

    private static string Boundary(HttpRequest request)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200
            ? throw new UploadRefusedException(StatusCodes.Status415UnsupportedMediaType, "Send the files as multipart/form-data.")
            : boundary;
    }
}
