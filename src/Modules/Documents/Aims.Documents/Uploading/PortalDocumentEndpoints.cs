using Aims.Documents.Contracts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Aims.Documents.Uploading;

/// <summary>
/// The portal's upload route, for forms posted with or without JavaScript. The antiforgery token is the form's first field
/// and is checked before any file byte is read, so the form is never buffered.
/// </summary>
internal static class PortalDocumentEndpoints
{
    public const string Route = "/appeals/{id:guid}/documents";

    public static void MapPortalDocuments(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(Route).RequireAuthorization().ExcludeFromDescription().MapPost("/", UploadAsync);

    private static async Task<IResult> UploadAsync(
        Guid id, HttpContext http, MultipartUploadReader upload, IAntiforgery antiforgery, ITempDataDictionaryFactory tempData, IStringLocalizer<DocumentsText> t,
        CancellationToken cancellationToken)
    {
        var wantsJson = http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        try
        {
            var stored = await upload.UploadAsync(http.Request, id, Uploader.From(http.User), token => VerifyAsync(http, antiforgery, token, t), cancellationToken);
            var added = stored.Count(d => !d.Duplicate);
            string notice = added switch
            {
                0 => t["These files are already on the appeal; nothing new was added."],
                1 => t["{0} was added to the appeal.", stored.First(d => !d.Duplicate).Name],
                _ => t["{0} documents were added to the appeal.", added],
            };
            if (stored.Count > added && added > 0)
            {
                notice += " " + t["{0} were already on it and were not added again.", stored.Count - added];
            }

            if (stored.Any(d => d.Scan == ScanStatus.Pending))
            {
                notice += " " + t["The virus check could not be done just now: the file is kept and can be opened once it has been checked for viruses."];
            }

            return wantsJson ? TypedResults.Json(new { notice, documents = stored }, statusCode: StatusCodes.Status201Created) : BackToAppeal(http, tempData, id, "Notice", notice);
        }
        catch (UploadRefusedException refused) when (refused.Status != StatusCodes.Status404NotFound)
        {
            return wantsJson ? TypedResults.Problem(refused.ToProblem()) : BackToAppeal(http, tempData, id, "Problem", refused.Message);
        }
        catch (UploadRefusedException refused)
        {
            return TypedResults.Problem(refused.ToProblem());
        }
    }

    private static async Task VerifyAsync(HttpContext http, IAntiforgery antiforgery, string token, IStringLocalizer<DocumentsText> t)
    {
        // The default token store reads the header first and only falls back to buffering the whole form.
        http.Request.Headers["RequestVerificationToken"] = token;
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, t["The form has expired. Reload the page and upload again."]);
        }
    }

    private static IResult BackToAppeal(HttpContext http, ITempDataDictionaryFactory factory, Guid id, string key, string message)
    {
        var tempData = factory.GetTempData(http);
        tempData[key] = message;
        tempData.Save();
        return TypedResults.Redirect($"/appeals/{id}#documents");
    }
}
