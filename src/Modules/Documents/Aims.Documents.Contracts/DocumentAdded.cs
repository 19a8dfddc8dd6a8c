using Aims.BuildingBlocks.Messaging;

namespace Aims.Documents.Contracts;

/// <summary>
/// A party added a document to an appeal (published once per stored document, not for a duplicate). Appeals uses it
/// to record that a proof of authority or an MCO final letter arrived.
/// </summary>
public sealed record DocumentAdded(Guid AppealId, Guid DocumentId, DocumentCategory Category, string Name, Guid UploadedBy, string UploadedByName, DateTimeOffset UploadedAt)
    : IIntegrationEvent;
