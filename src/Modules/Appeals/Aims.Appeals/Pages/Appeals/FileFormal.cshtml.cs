using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Errors;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Aims.Appeals.Pages.Appeals;

[Authorize(Policy = nameof(Permission.FileProviderAppeals))]
internal sealed class FileFormalModel(IMediator mediator, AppealDeadlines deadlines, TimeProvider time, ILogger<FileFormalModel> logger)
    : FilingPage<FormalAppealForm>(mediator, deadlines, time, logger)
{
    public AppealView Informal { get; private set; } = null!;

    protected override AppealKind Kind => AppealKind.ProviderFormal;

    /// <summary>The informal appeal this formal appeal follows, from the route.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        // Someone else's appeal (or none) is 404 before anything else: the form cannot even be shown again for it.
        if (!await LoadInformalAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form.InformalAppealId = id;
        try
        {
            return await FileAsync(new FileFormalAppeal(Filer, Key, Draft, Form), () => LoadInformalAsync(id, cancellationToken), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadInformalAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form.InformalAppealId = id;
        return await SaveDraftAsync(cancellationToken);
    }

    protected override Task<bool> LoadChoicesAsync(CancellationToken cancellationToken) => LoadInformalAsync(Id, cancellationToken);

    private async Task<bool> LoadInformalAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await Mediator.Send(new GetAppeal(UserId, id), cancellationToken);
        if (view is null || !view.Access.CanAct || view.Appeal.Kind != AppealKind.ProviderInformal)
        {
            return false;
        }

        Informal = view;
        Form.InformalAppealId = id;
        if (view.Appeal.InformalDecision is { } decision && Enum.TryParse<ReceiptMethod>(Form.DecisionReceivedBy, out var method))
        {
            Window = Deadlines.ProviderFormalWindow(decision.DecidedOn, method);
        }

        return true;
    }
}
