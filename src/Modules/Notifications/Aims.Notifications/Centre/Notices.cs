using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Web;
using Aims.Notifications.Contracts;
using MediatR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Notifications.Centre;

/// <summary>Someone a notice is for; <paramref name="Language"/> is the one they read the portal in, null for English.</summary>
internal sealed record Recipient(Guid UserId, string Name, string Email, string? Language = null);

/// <summary>
/// Gives a notice once per cause (<c>sourceKey</c>), so a redelivered message sends nothing more, and emails it unless the
/// person turned that kind off (legally required kinds always go). Worded in the person's language (ADR 0025).
/// </summary>
internal sealed class Notices(
    DbSession session, IOutgoingMail mail, IOptions<ContactOptions> contact, IOptions<PortalOptions> portal, TimeProvider time, IStringLocalizer<NotificationsText> t)
{
    public async Task GiveAsync(
        Recipient to, NoticeKind kind, string sourceKey, Func<NoticeText> text, string? path, CancellationToken cancellationToken, IReadOnlyList<EmailAttachment>? attachments = null)
    {
        session.RequireTransaction("Giving a notice");
        using var language = PortalLanguages.Use(PortalLanguages.Named(to.Language));
        var notice = text();
        await using var insert = await session.CommandAsync(
            """
            INSERT INTO notifications.notices (id, user_id, kind, source_key, subject, body, link, created_at)
            VALUES (@id, @user, @kind, @source, @subject, @body, @link, @at)
            ON CONFLICT (user_id, source_key) DO NOTHING
            """,
            cancellationToken);
        insert.Parameters.AddWithValue("id", Guid.CreateVersion7(time.GetUtcNow()));
        insert.Parameters.AddWithValue("user", to.UserId);
        insert.Parameters.AddWithValue("kind", kind.ToString());
        insert.Parameters.AddWithValue("source", sourceKey);
        insert.Parameters.AddWithValue("subject", notice.Subject);
        insert.Parameters.AddWithValue("body", notice.Body);
        insert.Parameters.AddWithValue("link", (object?)path ?? DBNull.Value);
        insert.Parameters.AddWithValue("at", time.GetUtcNow());
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0 || !await WantsEmailAsync(to.UserId, kind, cancellationToken))
        {
            return;
        }

        await mail.QueueAsync(
            NoticeEmail.Compose(to, notice, path is null ? null : portal.Value.Link(path), contact.Value, t) with { Attachments = attachments }, cancellationToken);
    }

    /// <summary>
    /// A notice to someone without an account (a filing's contact, an agency attendee): email only, no centre entry. Nothing
    /// says which language they read, so <paramref name="text"/> is worded in each and the email carries both (ADR 0026).
    /// </summary>
    public Task EmailAsync(string name, string email, Func<NoticeText> text, CancellationToken cancellationToken, IReadOnlyList<EmailAttachment>? attachments = null) =>
        mail.QueueAsync(NoticeEmail.ComposeInEveryLanguage(new Recipient(Guid.Empty, name, email), text, contact.Value, t) with { Attachments = attachments }, cancellationToken);

    private async Task<bool> WantsEmailAsync(Guid userId, NoticeKind kind, CancellationToken cancellationToken)
    {
        if (NoticeKinds.Required.Contains(kind))
        {
            return true;
        }

        await using var query = await session.CommandAsync("SELECT email FROM notifications.preferences WHERE user_id = @user AND kind = @kind", cancellationToken);
        query.Parameters.AddWithValue("user", userId);
        query.Parameters.AddWithValue("kind", kind.ToString());
        return await query.ExecuteScalarAsync(cancellationToken) as bool? ?? true;
    }
}

internal sealed class CountUnreadNoticesHandler(DbSession session) : IRequestHandler<CountUnreadNotices, int>
{
    public async Task<int> Handle(CountUnreadNotices request, CancellationToken cancellationToken)
    {
        await using var query = await session.CommandAsync("SELECT count(*) FROM notifications.notices WHERE user_id = @user AND read_at IS NULL", cancellationToken);
        query.Parameters.AddWithValue("user", request.UserId);
        return (int)(long)(await query.ExecuteScalarAsync(cancellationToken))!;
    }
}
