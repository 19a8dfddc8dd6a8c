using Aims.Identity.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Aims.Identity.Audit;

/// <summary>
/// Records account events with time, IP address and user agent (taken from the current request, if any), in the
/// caller's unit of work; users read their own, administrators everyone's, newest first.
/// </summary>
internal sealed class SecurityAudit(AccountsDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    private const int UserAgentLength = 512;

    public async Task RecordAsync(SecurityEventKind kind, Guid? userId, string? email, string? detail, CancellationToken cancellationToken)
    {
        var request = http.HttpContext;
        var userAgent = request?.Request.Headers.UserAgent.ToString();
        db.SecurityEvents.Add(new SecurityEvent
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserId = userId,
            NormalizedEmail = email?.Trim().ToUpperInvariant(),
            Kind = kind,
            OccurredAt = time.GetUtcNow(),
            IpAddress = request?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = string.IsNullOrEmpty(userAgent) ? null : userAgent[..Math.Min(userAgent.Length, UserAgentLength)],
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<SecurityEvent>> ForUserAsync(Guid userId, int page, int pageSize, CancellationToken cancellationToken) =>
        Page(db.SecurityEvents.Where(e => e.UserId == userId), page, pageSize).ToListAsync(cancellationToken);

    /// <param name="email">When given, only events for this address (whether or not it has an account).</param>
    public Task<List<SecurityEvent>> EveryoneAsync(int page, int pageSize, CancellationToken cancellationToken, string? email = null) =>
        Page(string.IsNullOrWhiteSpace(email) ? db.SecurityEvents : db.SecurityEvents.Where(e => e.NormalizedEmail == email.Trim().ToUpperInvariant()), page, pageSize)
            .ToListAsync(cancellationToken);

    private static IQueryable<SecurityEvent> Page(IQueryable<SecurityEvent> events, int page, int pageSize) =>
        events.AsNoTracking().OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(Math.Max(page - 1, 0) * pageSize).Take(Math.Clamp(pageSize, 1, 200));
}
