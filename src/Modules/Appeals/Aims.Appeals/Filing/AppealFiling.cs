using System.Globalization;
using Aims.Appeals.Cases;
using Aims.Appeals.Contracts;
using Aims.Appeals.Drafts;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using Aims.Notifications.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Appeals.Filing;

/// <summary>
/// What every filing shares, in one transaction: one appeal per filing key (a double click or retry finds the first), case
/// number, stream, drafts removed, <see cref="AppealFiled"/>, the 180-day clock and a confirmation email in the filer's language.
/// </summary>
internal sealed class AppealFiling(
    AppealsDbContext db, DbSession session, EventStreams store, IOutbox bus, IOutgoingMail mail, IOptions<ContactOptions> contact, BusinessCalendar calendar, TimeProvider time,
    IStringLocalizer<AppealsText> t)
{
    /// <summary>The words of the confirmation email, for the lines each kind of filing adds.</summary>
    public IStringLocalizer<AppealsText> Text => t;


    /// <summary>
    /// Claims the filing key for a new appeal id, or returns the appeal already filed with it. A second request with the
    /// same key waits on the first's row lock and then finds its appeal.
    /// </summary>
    public async Task<(Guid AppealId, FiledAppeal? Existing)> ClaimAsync(Filer filer, string key, CancellationToken cancellationToken)
    {
        var appealId = Guid.CreateVersion7(time.GetUtcNow());
        await using (var claim = await session.CommandAsync(
            "INSERT INTO appeals.filing_keys (user_id, key, appeal_id, created_at) VALUES (@user, @key, @appeal, @now) ON CONFLICT DO NOTHING",
            cancellationToken))
        {
            claim.Parameters.AddWithValue("user", filer.UserId);
            claim.Parameters.AddWithValue("key", key);
            claim.Parameters.AddWithValue("appeal", appealId);
            claim.Parameters.AddWithValue("now", time.GetUtcNow());
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return (appealId, null);
            }
        }

        var existing = await (from k in db.FilingKeys.AsNoTracking()
                              join s in db.Summaries.AsNoTracking() on k.AppealId equals s.Id
                              where k.UserId == filer.UserId && k.Key == key
                              select new FiledAppeal(s.Id, s.CaseNumber, true)).SingleAsync(cancellationToken);
        return (existing.AppealId, existing);
    }

    /// <summary>PI-2026-000123: the kind, the filing year, and the kind's sequence, at least six digits.</summary>
    public async Task<string> NextCaseNumberAsync(AppealKind kind, DateOnly filedOn, CancellationToken cancellationToken)
    {
        var prefix = Prefix(kind);
        await using var command = await session.CommandAsync($"SELECT nextval('appeals.case_numbers_{prefix.ToLowerInvariant()}')", cancellationToken);
        var number = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{filedOn.Year}-{number:D6}");
    }

    public async Task<FiledAppeal> FileAsync(
        Filer filer, Guid appealId, Guid? draftId, object filed, AppealFiled announcement, IReadOnlyList<string> confirmationLines, CancellationToken cancellationToken)
    {
        if (draftId is { } id)
        {
            // Queued on the append's Marten session: the draft goes in the same batch as the new stream.
            store.Documents.DeleteWhere<AppealDraft>(d => d.Id == id && d.UserId == filer.UserId);
        }

        await store.StartAsync<Appeal>(appealId, [filed], cancellationToken);
        if (filed is InformalAppealFiled informal)
        {
            // § 32.1-325.1: no informal decision in 180 days and the appeal is decided in the provider's favour.
            await CaseClocks.ScheduleDecisionClockAsync(bus, calendar, appealId, DecisionLevel.Informal, informal.DecisionDue, cancellationToken);
        }

        // Folded from the event in hand: reading back what was just written would be a round trip for nothing.
        await PlanRemindersAsync(AppealStreams.Fold(appealId, [filed]), cancellationToken);

        await bus.PublishAsync(announcement, cancellationToken);
        var phone = contact.Value.AppealsDivisionPhone;
        await mail.QueueAsync(new EmailMessage(
            filer.Email,
            t["Appeal {0} received", announcement.CaseNumber],
            t["Hello {0},", filer.Name] + "\n\n" +
            t["The Appeals Division received your appeal on {0}. Its case number is {1}; quote it whenever you write or call.", PortalDates.Day(announcement.FiledOn), announcement.CaseNumber] + "\n\n" +
            string.Join("\n", confirmationLines) + "\n\n" +
            t["Follow the appeal, add documents or withdraw it under “My appeals” in AIMS. Questions about the appeal: call the Appeals Division at {0}.", phone] +
            EmailFooter.Text(contact.Value)),
            cancellationToken);
        return new FiledAppeal(appealId, announcement.CaseNumber);
    }

    public Task PlanRemindersAsync(Appeal appeal, CancellationToken cancellationToken) => CaseReminders.PlanAsync(bus, calendar, time.GetUtcNow(), appeal, cancellationToken);

    public static string Prefix(AppealKind kind) => kind switch
    {
        AppealKind.ProviderInformal => "PI",
        AppealKind.ProviderFormal => "PF",
        _ => "CL",
    };

    public string TimelinessLine(DateOnly receivedOn, DateOnly lastDay, bool timely) => timely
        ? t["It was filed on time: the notice counts as received {0}, and the last day to file was {1}.", PortalDates.Day(receivedOn), PortalDates.Day(lastDay)]
        : t["It was filed after the last day to file ({0}; the notice counts as received {1}). The Appeals Division will decide whether there was good cause for filing late; it may dismiss the appeal.",
            PortalDates.Day(lastDay), PortalDates.Day(receivedOn)];
}
