using MediatR;

namespace Aims.Documents.Contracts;

/// <summary>
/// The documents of an appeal as <paramref name="UserId"/> may see them, for the appeal's page; null when the user is
/// not a party to the appeal.
/// </summary>
public sealed record ListAppealDocuments(Guid AppealId, Guid UserId) : IRequest<AppealDocuments?>;

/// <summary>
/// The list, whether the user may add to it or (as the division's staff) mark documents superseded, and the limits
/// the upload form states.
/// </summary>
public sealed record AppealDocuments(
    Guid AppealId, bool CanAdd, bool CanSupersede, IReadOnlyList<AppealDocument> Items, long MaxFileBytes, int MaxFilesPerUpload, IReadOnlyList<string> AllowedExtensions);

public sealed record AppealDocument(
    Guid Id,
    string Name,
    DocumentCategory Category,
    string? Description,
    long SizeBytes,
    string ContentType,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    ScanStatus Scan,
    string? Superseded,
    string? Removed);
