using Aims.Documents.Contracts;
using Aims.Documents.Storage;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace Aims.Documents.Uploading;

/// <summary>A filing form's document through the same intake as an upload; a refusal names the form's field.</summary>
internal sealed class AttachFiledDocumentHandler(DocumentIntake intake) : IRequestHandler<AttachFiledDocument, Guid>
{
    public async Task<Guid> Handle(AttachFiledDocument request, CancellationToken cancellationToken)
    {
        var written = new List<IContentWriter>();
        try
        {
            await using var body = request.File.Open();
            var stored = await intake.StoreAsync(
                body, request.File.Name, request.AppealId, request.Category, description: null, new Uploader(request.UploadedBy, request.UploadedByName), written, cancellationToken);
            return stored.Id;
        }
        catch (UploadRefusedException refused)
        {
            await intake.DiscardAsync(written);
            throw new ValidationException([new ValidationFailure(request.Field, refused.Message)]);
        }
        catch
        {
            await intake.DiscardAsync(written);
            throw;
        }
    }
}
