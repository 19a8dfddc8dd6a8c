using MediatR;

namespace Aims.Appeals.Contracts;

/// <summary>
/// "May this user read, add documents to, or act on this appeal, and as which party?" — asked by Documents and
/// Notifications so they never read Appeals' tables.
/// </summary>
public sealed record GetAppealAccess(Guid AppealId, Guid UserId) : IRequest<AppealAccess>;
