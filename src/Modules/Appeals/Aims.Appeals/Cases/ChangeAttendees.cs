using Aims.Appeals.Access;
using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Validation;
using FluentValidation;
using MediatR;

namespace Aims.Appeals.Cases;

/// <summary>
/// The coordinator names the agency staff who must attend the hearing or conference. They get its notices and calendar
/// invitations; anyone added after the notice went out gets it at once.
/// </summary>
internal sealed record ChangeAttendees(Filer By, Guid AppealId, long? SeenVersion, IReadOnlyList<AttendeeRow> Rows) : ICommand<string>
{
    public const int MaxRows = 10;
}

internal sealed class AttendeeRow
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Email);
}

internal sealed class ChangeAttendeesValidator : AbstractValidator<ChangeAttendees>
{
    public ChangeAttendeesValidator()
    {
        RuleFor(c => c.Rows).Must(rows => rows.Count <= ChangeAttendees.MaxRows).WithMessage($"Name at most {ChangeAttendees.MaxRows} attendees.");
        RuleForEach(c => c.Rows).ChildRules(row =>
        {
            row.RuleFor(r => r.Name).NotEmpty().When(r => !r.IsBlank).WithMessage("Enter the attendee's name.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
            row.RuleFor(r => r.Email).NotEmpty().When(r => !r.IsBlank).WithMessage("Enter the attendee's email address.")
                .ValidEmail().WithMessage("Enter an email address like name@agency.virginia.gov.").MaximumLength(254).WithMessage("Enter at most 254 characters.");
        }).OverridePropertyName("Rows");
    }
}

internal sealed class ChangeAttendeesHandler(CaseWork work, AppealAudience audience, AppealDeadlines deadlines, IOutbox bus) : IRequestHandler<ChangeAttendees, string>
{
    public async Task<string> Handle(ChangeAttendees command, CancellationToken cancellationToken)
    {
        var access = await audience.AccessAsync(command.AppealId, await audience.ViewerAsync(command.By.UserId, cancellationToken), cancellationToken);
        if (access.Party != AppealParty.AgencyCoordinator)
        {
            throw new NotFoundException("No such appeal.");
        }

        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        var attendees = command.Rows.Where(r => !r.IsBlank).Select(r => new Attendee(r.Name!.Trim(), r.Email!.Trim()))
            .DistinctBy(a => a.Email, StringComparer.OrdinalIgnoreCase).ToList();
        var before = appeal.Attendees.Select(a => a.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        await work.AppendAsync(appeal, appeal.ChangeAttendees(attendees, command.By.Person), cancellationToken);
        var added = attendees.Where(a => !before.Contains(a.Email)).Select(a => a.Email).ToList();
        if (appeal.Hearing is { } hearing && added.Count > 0)
        {
            await bus.PublishAsync(CaseAnnouncements.Hearing(appeal, hearing, appeal.Version, null, null, deadlines.Rules) with { OnlyAttendees = added }, cancellationToken);
        }

        return attendees.Count == 0
            ? $"No agency attendees are named on {appeal.CaseNumber}."
            : $"{attendees.Count} agency attendee{(attendees.Count == 1 ? " is" : "s are")} named on {appeal.CaseNumber}" + (appeal.Hearing is null ? "; they get the notice when it is scheduled." : "; anyone new was sent the notice.");
    }
}
