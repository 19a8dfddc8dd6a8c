using System.Globalization;
using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Validation;
using FluentValidation;
using FluentValidation.Results;

namespace Aims.Appeals.Cases;

/// <summary>
/// When and how a hearing or conference happens (New York date and time, channel, join details), for scheduling and
/// rescheduling. On an expedited client appeal the agency's summary is due by the date the hearing officer sets here.
/// </summary>
internal sealed class HearingForm
{
    private static readonly string[] TimeFormats = ["h:mm tt", "h:mmtt", "H:mm", "HH:mm"];

    public string? Date { get; set; }

    public string? Time { get; set; }

    public HearingChannel? Channel { get; set; }

    public string? Details { get; set; }

    public string? SummaryDue { get; set; }

    public static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim().ToUpperInvariant(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public Hearing ToHearing(Appeal appeal, AppealDeadlines deadlines, BusinessCalendar calendar)
    {
        var date = AimsRules.ParseDate(Date)!.Value;
        var setDue = AimsRules.ParseDate(SummaryDue);
        if (appeal.Kind == AppealKind.Client && appeal.Expedited && setDue is null)
        {
            throw new ValidationException([new ValidationFailure("Form.SummaryDue", "Set the date the agency's summary is due: on an expedited appeal the hearing officer sets it.")]);
        }

        if (setDue is { } due && due > date)
        {
            throw new ValidationException([new ValidationFailure("Form.SummaryDue", "The summary must be due on or before the hearing date.")]);
        }

        return new Hearing(
            appeal.Kind == AppealKind.ProviderInformal,
            calendar.AtLocalTime(date, ParseTime(Time)!.Value),
            Channel!.Value,
            Details!.Trim(),
            deadlines.SummaryDue(appeal.Kind, appeal.Expedited, date, setDue));
    }
}

internal sealed class HearingFormValidator : AbstractValidator<HearingForm>
{
    public HearingFormValidator()
    {
        RuleFor(f => f.Date).NotEmpty().WithMessage("Enter the date.").UsDate();
        RuleFor(f => f.Time).NotEmpty().WithMessage("Enter the time.")
            .Must(t => HearingForm.ParseTime(t) is not null).WithMessage("Enter the time like 10:30 AM (New York time).");
        RuleFor(f => f.Channel).NotNull().WithMessage("Choose telephone, video or in person.").IsInEnum().WithMessage("Choose telephone, video or in person.");
        RuleFor(f => f.Details).NotEmpty().WithMessage("Say how to join: the number to call, the video link, or the address and room.")
            .MaximumLength(1000).WithMessage("Enter at most 1,000 characters.");
        RuleFor(f => f.SummaryDue).Must(d => string.IsNullOrWhiteSpace(d) || AimsRules.ParseDate(d) is not null).WithMessage("Enter the date like 04/27/2026.");
    }
}
