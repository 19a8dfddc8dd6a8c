using System.Security.Claims;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Persistence;
using Aims.Notifications.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Notifications.Pages.Notifications;

/// <summary>Email on or off per kind of notice; the centre keeps every notice, and the kinds the law requires always go.</summary>
internal sealed record SaveEmailPreferences(Guid UserId, IReadOnlySet<NoticeKind> EmailOn) : ICommand<bool>;

internal sealed class SaveEmailPreferencesHandler(DbSession session) : IRequestHandler<SaveEmailPreferences, bool>
{
    public async Task<bool> Handle(SaveEmailPreferences command, CancellationToken cancellationToken)
    {
        foreach (var kind in Enum.GetValues<NoticeKind>().Where(k => !NoticeKinds.Required.Contains(k)))
        {
            await using var upsert = await session.CommandAsync(
                """
                INSERT INTO notifications.preferences (user_id, kind, email) VALUES (@user, @kind, @email)
                ON CONFLICT (user_id, kind) DO UPDATE SET email = excluded.email
                """,
                cancellationToken);
            upsert.Parameters.AddWithValue("user", command.UserId);
            upsert.Parameters.AddWithValue("kind", kind.ToString());
            upsert.Parameters.AddWithValue("email", command.EmailOn.Contains(kind));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        return true;
    }
}

[Authorize]
internal sealed class PreferencesModel(IMediator mediator, DbSession session) : PageModel
{
    [BindProperty]
    public List<NoticeKind> EmailOn { get; set; } = [];

    public IReadOnlySet<NoticeKind> Off { get; private set; } = new HashSet<NoticeKind>();

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await using var query = await session.CommandAsync("SELECT kind FROM notifications.preferences WHERE user_id = @user AND NOT email", cancellationToken);
        query.Parameters.AddWithValue("user", UserId);
        var off = new HashSet<NoticeKind>();
        await using var row = await query.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            if (Enum.TryParse<NoticeKind>(row.GetString(0), out var kind))
            {
                off.Add(kind);
            }
        }

        Off = off;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SaveEmailPreferences(UserId, EmailOn.ToHashSet()), cancellationToken);
        TempData["Notice"] = "Your email choices are saved.";
        return RedirectToPage();
    }
}
