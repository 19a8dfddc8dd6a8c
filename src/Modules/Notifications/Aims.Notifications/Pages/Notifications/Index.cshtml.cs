using System.Security.Claims;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Notifications.Pages.Notifications;

/// <summary>One notice in the centre.</summary>
internal sealed record NoticeView(Guid Id, string Subject, string Body, string? Link, DateTimeOffset CreatedAt, bool Read);

internal sealed record ListNotices(Guid UserId) : IRequest<IReadOnlyList<NoticeView>>;

internal sealed class ListNoticesHandler(DbSession session) : IRequestHandler<ListNotices, IReadOnlyList<NoticeView>>
{
    public async Task<IReadOnlyList<NoticeView>> Handle(ListNotices request, CancellationToken cancellationToken)
    {
        await using var query = await session.CommandAsync(
            "SELECT id, subject, body, link, created_at, read_at IS NOT NULL FROM notifications.notices WHERE user_id = @user ORDER BY created_at DESC LIMIT 200",
            cancellationToken);
        query.Parameters.AddWithValue("user", request.UserId);
        var notices = new List<NoticeView>();
        await using var row = await query.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            notices.Add(new NoticeView(row.GetGuid(0), row.GetString(1), row.GetString(2), row.IsDBNull(3) ? null : row.GetString(3), row.GetFieldValue<DateTimeOffset>(4), row.GetBoolean(5)));
        }

        return notices;
    }
}

/// <summary>Marks one notice read (opening it), or all of them; only the owner's.</summary>
internal sealed record MarkNoticesRead(Guid UserId, Guid? NoticeId) : ICommand<int>;

internal sealed class MarkNoticesReadHandler(DbSession session, TimeProvider time) : IRequestHandler<MarkNoticesRead, int>
{
    public async Task<int> Handle(MarkNoticesRead command, CancellationToken cancellationToken)
    {
        await using var update = await session.CommandAsync(
            "UPDATE notifications.notices SET read_at = @at WHERE user_id = @user AND read_at IS NULL AND (@id::uuid IS NULL OR id = @id)", cancellationToken);
        update.Parameters.AddWithValue("at", time.GetUtcNow());
        update.Parameters.AddWithValue("user", command.UserId);
        update.Parameters.AddWithValue("id", (object?)command.NoticeId ?? DBNull.Value);
        return await update.ExecuteNonQueryAsync(cancellationToken);
    }
}

[Authorize]
internal sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<NoticeView> Notices { get; private set; } = [];

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Notices = await mediator.Send(new ListNotices(UserId), cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(Guid? notice, CancellationToken cancellationToken)
    {
        await mediator.Send(new MarkNoticesRead(UserId, notice), cancellationToken);
        var opened = notice is null ? null : (await mediator.Send(new ListNotices(UserId), cancellationToken)).FirstOrDefault(n => n.Id == notice)?.Link;
        return opened is not null && opened.StartsWith('/') && !opened.StartsWith("//", StringComparison.Ordinal) ? Redirect(opened) : RedirectToPage();
    }
}
