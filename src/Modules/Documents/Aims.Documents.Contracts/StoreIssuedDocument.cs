using MediatR;

namespace Aims.Documents.Contracts;

/// <summary>
/// A document the Appeals Division issues on an appeal (a decision as PDF), stored like an upload in the caller's
/// transaction so the decision and its document commit together; answers the document's id.
/// </summary>
public sealed record StoreIssuedDocument(
    Guid AppealId, string FileName, DocumentCategory Category, string Description, ReadOnlyMemory<byte> Content, Guid IssuedBy, string IssuedByName)
    : IRequest<Guid>;
