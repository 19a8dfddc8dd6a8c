using System.Security.Claims;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Time;
using Aims.Identity.Contracts;
using Aims.Registration.Claims;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Rosters;

/// <summary>
/// A member or provider roster imported as CSV: rows replace those with the same ID, a bad line stops the whole import
/// naming every bad line, and matching pending Medicaid ID claims are verified at once (ADR 0029).
/// </summary>
internal sealed record ImportRoster(RosterKind Kind, string FileName, string Text, Guid AdministratorId) : ICommand<int>;

internal enum RosterKind
{
    Members,
    Providers,
}

internal sealed class ImportRosterHandler(RegistrationDbContext db, IdentityClaims claims, IMediator mediator, BusinessCalendar calendar, TimeProvider time)
    : IRequestHandler<ImportRoster, int>
{
    public async Task<int> Handle(ImportRoster command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var text = new StringReader(command.Text);
        int count;
        if (command.Kind == RosterKind.Members)
        {
            var (rows, errors) = RosterFiles.Members(text, calendar.Today(), now);
            Refuse(errors, "MemberFile");
            var ids = rows.Select(r => r.MedicaidId).ToList();
            await UpsertAsync(db.MemberRoster, rows, r => r.MedicaidId, r => ids.Contains(r.MedicaidId),
                (stored, row) => (stored.FullName, stored.DateOfBirth, stored.ImportedAt) = (row.FullName, row.DateOfBirth, now), cancellationToken);
            await VerifyMatchingAsync(rows, cancellationToken);
            count = rows.Count;
        }
        else
        {
            var (rows, errors) = RosterFiles.Providers(text, now);
            Refuse(errors, "ProviderFile");
            var npis = rows.Select(r => r.Npi).ToList();
            await UpsertAsync(db.ProviderRoster, rows, r => r.Npi, r => npis.Contains(r.Npi),
                (stored, row) => (stored.Name, stored.ContactEmail, stored.ImportedAt) = (row.Name, row.ContactEmail, now), cancellationToken);
            count = rows.Count;
        }

        await mediator.Send(new RecordIdentityClaimEvent(command.AdministratorId, $"{command.Kind} roster imported from {command.FileName}: {count} rows"), cancellationToken);
        return count;
    }

    private static void Refuse(List<string> errors, string field)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Select(e => new ValidationFailure(field, e)));
        }
    }

    private async Task UpsertAsync<T>(
        DbSet<T> set, List<T> rows, Func<T, string> key, System.Linq.Expressions.Expression<Func<T, bool>> imported, Action<T, T> update, CancellationToken cancellationToken)
        where T : class
    {
        var stored = await set.Where(imported).ToDictionaryAsync(key, cancellationToken);
        foreach (var row in rows)
        {
            if (stored.TryGetValue(key(row), out var existing))
            {
                update(existing, row);
            }
            else
            {
                set.Add(row);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task VerifyMatchingAsync(List<MemberRosterEntry> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.MedicaidId).ToList();
        var pending = await db.IdentityClaims.Where(c => c.Kind == ClaimKind.MedicaidId && c.Status == ClaimStatus.Pending && ids.Contains(c.Identifier))
            .Join(db.ClientProfiles, c => c.SubjectId, p => p.UserId, (c, p) => new { Claim = c, p.FullName, p.DateOfBirth, p.MedicaidId })
            .ToListAsync(cancellationToken);
        foreach (var match in pending.Where(p => p.MedicaidId == p.Claim.Identifier && rows.Single(r => r.MedicaidId == p.MedicaidId).Matches(p.FullName, p.DateOfBirth)))
        {
            await claims.VerifyAsync(match.Claim, ClaimMethod.Roster, reviewer: null, cancellationToken);
        }
    }
}
