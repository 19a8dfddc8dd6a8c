using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Practice;
using Aims.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Appeals.Pages.Practice;

/// <summary>The practice home: each scenario with its instructions or, once done, its feedback; and the person's practice appeals.</summary>
[Authorize(Policy = nameof(Permission.UsePracticeSpace))]
internal sealed class IndexModel(PracticeCases practice) : PageModel
{
    public IReadOnlyDictionary<PracticeScenario, PracticeCompletion> Completions { get; private set; } = new Dictionary<PracticeScenario, PracticeCompletion>();

    public IReadOnlyList<(PracticeAppeal Row, Appeal Appeal)> Appeals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Filer.From(User).UserId;
        Completions = await practice.CompletionsAsync(userId, cancellationToken);
        Appeals = await practice.ListAsync(userId, cancellationToken);
    }
}
