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

namespace Aims.Appeals.Pages.Appeals;

[Authorize(Policy = nameof(Permission.FileProviderAppeals))]
internal sealed class FileInformalModel(IMediator mediator, AppealDeadlines deadlines, TimeProvider time, ILogger<FileInformalModel> logger)
    : FilingPage<InformalAppealForm>(mediator, deadlines, time, logger)
{
    public IReadOnlyList<ProviderMembership> Providers { get; private set; } = [];

    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];

    protected override AppealKind Kind => AppealKind.ProviderInformal;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        await FileAsync(new FileInformalAppeal(Filer, Key, Draft, Form), () => LoadChoicesAsync(cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) => SaveDraftAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddItemAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Form.Items.Add(new DisputedItemForm());
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    protected override async Task<bool> LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Providers = await Mediator.Send(new GetProviderMemberships(UserId), cancellationToken);
        Agencies = await Mediator.Send(new ListAgencies(AgencyType.ProviderAgency), cancellationToken);
        if (AimsRules.ParseDate(Form.NoticeDate) is { } notice && Enum.TryParse<ReceiptMethod>(Form.ReceivedBy, out var method))
        {
            Window = Deadlines.ProviderInformalWindow(notice, method);
        }

        return true;
    }
}
