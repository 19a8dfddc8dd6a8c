using Aims.Appeals.Access;
using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Web;
using Aims.Notifications.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Appeals.Cases;

/// <summary>
/// The appellant withdraws an open appeal before its final decision, through <see cref="CaseWork.ActAsync"/> with the
/// version they saw, so racing actions append one event. An API caller may omit the version.
/// </summary>
internal sealed record WithdrawAppeal(Filer Filer, Guid AppealId, long? SeenVersion, string? Reason) : ICommand<WithdrawnAppeal>;

internal sealed record WithdrawnAppeal(string CaseNumber, DateOnly WithdrawnOn);

internal sealed class WithdrawAppealValidator : AbstractValidator<WithdrawAppeal>
{
    public WithdrawAppealValidator() =>
        RuleFor(c => c.Reason).MaximumLength(2000).WithMessage("Enter at most 2,000 characters.");
}

internal sealed class WithdrawAppealHandler(
    AppealAudience audience, CaseWork work, IOutbox bus, IOutgoingMail mail, IOptions<ContactOptions> contact, IStringLocalizer<AppealsText> t)
    : IRequestHandler<WithdrawAppeal, WithdrawnAppeal>
{
    public async Task<WithdrawnAppeal> Handle(WithdrawAppeal command, CancellationToken cancellationToken)
    {
        await audience.RequireActorAsync(
            command.AppealId, command.Filer.UserId, "Only the appellant, or someone acting for them, can withdraw an appeal.", cancellationToken);

        var (appeal, withdrawn) = await work.ActAsync(
            command.AppealId, command.SeenVersion, appeal => appeal.Withdraw(command.Filer.Person, work.Today, command.Reason), cancellationToken);

        await bus.PublishAsync(
            new AppealWithdrawn(command.AppealId, appeal.CaseNumber, appeal.Agency?.Id, appeal.AppellantName, withdrawn.WithdrawnOn, withdrawn.Reason),
            cancellationToken);
        await mail.QueueAsync(new EmailMessage(
            command.Filer.Email,
            t["Appeal {0} withdrawn", appeal.CaseNumber],
            t["Hello {0},", command.Filer.Name] + "\n\n"
            + t["You withdrew appeal {0} on {1}. The case is closed; the agency and the Appeals Division have been told. If you did not mean to withdraw it, call the Appeals Division at {2} at once.",
                appeal.CaseNumber, PortalDates.Day(withdrawn.WithdrawnOn), contact.Value.AppealsDivisionPhone]
            + EmailFooter.Text(contact.Value)),
            cancellationToken);
        return new WithdrawnAppeal(appeal.CaseNumber, withdrawn.WithdrawnOn);
    }
}
