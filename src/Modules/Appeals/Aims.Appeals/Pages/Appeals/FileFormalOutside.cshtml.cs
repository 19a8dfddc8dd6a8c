using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Validation;
using Aims.Documents.Contracts;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aims.Appeals.Pages.Appeals;

/// <summary>
/// Room for a letter at the documents' file limit (plus 1 MB for the fields): the server's default request limit (30 MB)
/// is below it, and it must be raised before antiforgery validation (order 1000) reads the form, as the upload route does.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class LetterSizedRequestAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 900;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            var rules = await http.RequestServices.GetRequiredService<IMediator>().Send(new GetUploadRules(), http.RequestAborted);
            body.MaxRequestBodySize = rules.MaxFileBytes + (1024 * 1024);
        }
    }
}

[Authorize(Policy = nameof(Permission.FileProviderAppeals))]
[LetterSizedRequest]
internal sealed class FileFormalOutsideModel(IMediator mediator, AppealDeadlines deadlines, TimeProvider time, ILogger<FileFormalOutsideModel> logger)
    : FilingPage<OutsideFormalAppealForm>(mediator, deadlines, time, logger)
{
    public IReadOnlyList<ProviderMembership> Providers { get; private set; } = [];

    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];

    protected override AppealKind Kind => AppealKind.ProviderFormal;

    /// <summary>The decision letter, sent with the form (a draft cannot keep a file: it is chosen again when filing).</summary>
    [BindProperty]
    public IFormFile? DecisionLetter { get; set; }

    /// <summary>The upload rules the letter is held to, which the form states.</summary>
    public UploadRules UploadRules { get; private set; } = null!;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        await FileAsync(
            new FileOutsideFormalAppeal(Filer, Key, Draft, Form, DecisionLetter is { } file ? new IncomingFile(file.FileName, file.OpenReadStream) : null),
            () => LoadChoicesAsync(cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        Form.InformalAppealId = Guid.Empty;
        return SaveDraftAsync(cancellationToken);
    }

    protected override async Task<bool> LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Providers = await Mediator.Send(new GetProviderMemberships(UserId), cancellationToken);
        Agencies = await Mediator.Send(new ListAgencies(AgencyType.ProviderAgency), cancellationToken);
        UploadRules = await Mediator.Send(new GetUploadRules(), cancellationToken);
        if (AimsRules.ParseDate(Form.InformalDecisionDate) is { } decided && Enum.TryParse<ReceiptMethod>(Form.DecisionReceivedBy, out var method))
        {
            Window = Deadlines.ProviderFormalWindow(decided, method);
        }

        return true;
    }
}
