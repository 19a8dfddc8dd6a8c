using Aims.Appeals.Contracts;
using Aims.Appeals.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Access;

/// <summary>Anyone not listed for the appeal gets <see cref="AppealAccess.None"/>, which callers turn into a 404.</summary>
internal sealed class GetAppealAccessHandler(AppealsDbContext db) : IRequestHandler<GetAppealAccess, AppealAccess>
{
    public async Task<AppealAccess> Handle(GetAppealAccess request, CancellationToken cancellationToken)
    {
        var entry = await db.AppealAccess.AsNoTracking()
            .SingleOrDefaultAsync(a => a.AppealId == request.AppealId && a.UserId == request.UserId, cancellationToken);
        return entry is null
            ? AppealAccess.None
            : new AppealAccess(CanRead: true, entry.CanAddDocuments, entry.CanAct, entry.Party);
    }
}
