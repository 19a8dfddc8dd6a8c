using Aims.BuildingBlocks.Mediation;
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

internal sealed class SupersedeDocumentHandler(DocumentMarks marks) : IRequestHandler<SupersedeDocument, string>
{
    public async Task<string> Handle(SupersedeDocument command, CancellationToken cancellationToken) =>
        (await marks.MarkAsync(DocumentMark.Superseded, command.By, command.AppealId, command.DocumentId, command.Reason!, cancellationToken)).Listing.Name;
}

[Authorize(Policy = nameof(Permission.WorkAssignedAppeals))]
internal sealed class SupersedeModel(IMediator mediator) : DocumentMarkPage(mediator)
{
    protected override IRequest<string> Command(Guid id, Guid documentId) => new SupersedeDocument(Uploader.From(User), id, documentId, Reason);

    protected override string Done(string name) => $"{name} is marked superseded.";
}
