using Aims.Appeals.Contracts;
using MediatR;

namespace Aims.Appeals.Access;

/// <summary>Answers other modules with the same rule the appeal pages use (<see cref="AppealAudience"/>).</summary>
internal sealed class GetAppealAccessHandler(AppealAudience audience) : IRequestHandler<GetAppealAccess, AppealAccess>
{
    public async Task<AppealAccess> Handle(GetAppealAccess request, CancellationToken cancellationToken) =>
        await audience.AccessAsync(request.AppealId, await audience.ViewerAsync(request.UserId, cancellationToken), cancellationToken);
}
