using MediatR;

namespace Aims.Documents.Contracts;

/// <summary>A file a person sent with a form, as the page received it; <see cref="Open"/> reads it from the start.</summary>
public sealed record IncomingFile(string Name, Func<Stream> Open);

/// <summary>
/// A document a filing form carries, held to every upload rule and stored in the caller's transaction so appeal and
/// document commit together. A refusal is a validation failure on <paramref name="Field"/>; answers the document's id.
/// </summary>
public sealed record AttachFiledDocument(
    Guid AppealId, string Field, IncomingFile File, DocumentCategory Category, Guid UploadedBy, string UploadedByName) : IRequest<Guid>;
