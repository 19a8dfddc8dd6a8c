using System.Security.Claims;
using Aims.Appeals.Model;
using Aims.Appeals.Practice;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Appeals.Pages.Practice;

/// <summary>
/// An agency coordinator's practice appeal: the scripted clinic case as if assigned to their agency. One per person until
/// the nightly purge, so a second click opens the same one.
/// </summary>
internal sealed record OpenAgencyPracticeAppeal(Guid UserId, Guid? AgencyId) : ICommand<Guid>;

internal sealed class OpenAgencyPracticeAppealHandler(PracticeCases practice, AppealDeadlines deadlines, IMediator mediator, TimeProvider time)
    : IRequestHandler<OpenAgencyPracticeAppeal, Guid>
{
    private const string FilingKey = "agency-practice";

    public async Task<Guid> Handle(OpenAgencyPracticeAppeal command, CancellationToken cancellationToken)
    {
        var agency = command.AgencyId is { } agencyId && await mediator.Send(new GetAgency(agencyId), cancellationToken) is { } found
            ? new AgencyRef(found.Id, found.Name)
            : null;
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var caseNumber = "PRACTICE-" + id.ToString("N")[^6..].ToUpperInvariant();
        var filedOn = deadlines.FiledOn(now);
        var noticeDate = PracticeScenarios.NoticeDate(filedOn);
        var window = deadlines.ProviderInformalWindow(noticeDate, ReceiptMethod.Email);
        var clinic = PracticeScenarios.Provider;
        var filed = new InformalAppealFiled(
            caseNumber, new Person(clinic.Id, clinic.Name), clinic, agency, PracticeScenarios.DeniedClaimAction, noticeDate, ReceiptMethod.Email, null,
            [new DisputedItem(PracticeScenarios.ClaimNumber, 1250.00m, "The visit was authorized and documented.")],
            "Pay the claim.", new ContactDetails(clinic.Name, "804-555-0142", "billing@practice-clinic.example"),
            filedOn, window.ReceivedOn, window.LastDay, window.IsTimely(filedOn), deadlines.InformalDecisionDue(filedOn));
        return await practice.FileAsync(command.UserId, FilingKey, id, caseNumber, filed, now, cancellationToken);
    }
}

/// <summary>
/// The practice home: each scenario the person can really do, with its instructions or, once done, its feedback; and
/// the person's practice appeals.
/// </summary>
[Authorize(Policy = nameof(Permission.UsePracticeSpace))]
internal sealed class IndexModel(PracticeCases practice, IMediator mediator) : PageModel
{
    public IReadOnlyDictionary<PracticeScenario, PracticeCompletion> Completions { get; private set; } = new Dictionary<PracticeScenario, PracticeCompletion>();

    public IReadOnlyList<(PracticeAppeal Row, Appeal Appeal)> Appeals { get; private set; } = [];

    public bool AgencyCoordinator => User.IsInRole(nameof(Role.AgencyCoordinator));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Filer.From(User).UserId;
        Completions = await practice.CompletionsAsync(userId, cancellationToken);
        Appeals = await practice.ListAsync(userId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAgencyAppealAsync(CancellationToken cancellationToken)
    {
        if (!AgencyCoordinator)
        {
            return Forbid();
        }

        var agencyId = Guid.TryParse(User.FindFirstValue(AimsClaimTypes.AgencyId), out var parsed) ? parsed : (Guid?)null;
        var id = await mediator.Send(new OpenAgencyPracticeAppeal(Filer.From(User).UserId, agencyId), cancellationToken);
        return Redirect($"/practice/{id}");
    }
}
