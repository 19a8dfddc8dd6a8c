using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Validation;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aims.Appeals.Pages.Appeals;

[Authorize(Policy = nameof(Permission.FileClientAppeals))]
internal sealed class FileClientModel(IMediator mediator, AppealDeadlines deadlines, TimeProvider time, ILogger<FileClientModel> logger)
    : FilingPage<ClientAppealForm>(mediator, deadlines, time, logger)
{
    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];

    /// <summary>The signed-in appellant's own details; null for a representative, or until the appellant fills them in.</summary>
    public ClientProfileSummary? Profile { get; private set; }

    public bool IsRepresentative => Filer.IsRepresentative;

    /// <summary>Whether benefits would continue if the appeal were filed today; null until the notice date is entered.</summary>
    public bool? ContinuesBenefitsToday { get; private set; }

    protected override AppealKind Kind => AppealKind.Client;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        await FileAsync(new FileClientAppeal(Filer, Key, Draft, Form), () => LoadChoicesAsync(cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) => SaveDraftAsync(cancellationToken);

    /// <summary>An appellant's own phone from their profile, beside the filer's name and email.</summary>
    protected override void Prefill()
    {
        base.Prefill();
        Form.ContactPhone = Profile?.Phone;
    }

    protected override async Task<bool> LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Agencies = await Mediator.Send(new ListAgencies(AgencyType.ClientAgency), cancellationToken);
        Profile = IsRepresentative ? null : await Mediator.Send(new GetClientProfile(UserId), cancellationToken);
        if (AimsRules.ParseDate(Form.NoticeDate) is { } noticeDate)
        {
            ContinuesBenefitsToday = Deadlines.ContinuesBenefits(noticeDate, AimsRules.ParseDate(Form.EffectiveDate), Today);
        }

        if (Form.McoMember == "yes" && Form.McoOutcome == "decided" && AimsRules.ParseDate(Form.McoFinalDecisionDate) is { } mcoDecided)
        {
            Window = Deadlines.McoMemberWindow(mcoDecided);
        }
        else if (Form.McoMember != "yes" && AimsRules.ParseDate(Form.NoticeDate) is { } notice)
        {
            Window = Deadlines.ClientWindow(notice);
        }

        return true;
    }
}
