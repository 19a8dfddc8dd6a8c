using MediatR;

namespace Aims.Documents.Contracts;

/// <summary>A file a person sent with a form, as the page received it; <see cref="Open"/> reads it from the start.</summary>
public sealed record IncomingFile(string Name, Func<Stream> Open);

/// <summary>
/// A document a filing form carries (the informal decision letter of a formal appeal filed outside AIMS), held to every
/// upload rule — type, content, size, virus scan — and stored in the caller's transaction, so the appeal and its
/// document commit together or not at all. A file the rules refuse is a validation failure on <paramref name="Field"/>,
/// worded in the reader's language; answers the document's id.
/// </summary>
public sealed record AttachFiledDocument(
    Guid AppealId, string Field, IncomingFile File, DocumentCategory Category, Guid UploadedBy, string UploadedByName) : IRequest<Guid>;
