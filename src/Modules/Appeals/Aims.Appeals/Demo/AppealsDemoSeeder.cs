using System.Globalization;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Persistence;
using Aims.Identity.Contracts;
using MediatR;

namespace Aims.Appeals.Demo;

/// <summary>
/// Demo appeals filed through the pages' commands: an open and a decided informal appeal, and a client appeal.
/// Filing keys make seeding again find them.
/// </summary>
internal sealed class AppealsDemoSeeder(IMediator mediator, EventStreams store, DbSession session, AppealDeadlines deadlines, TimeProvider time)
    : IDemoDataSeeder
{
    public async Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken cancellationToken)
    {
        var today = deadlines.FiledOn(time.GetUtcNow());
        var provider = Filer(Role.ProviderUser);
        await mediator.Send(new FileInformalAppeal(provider, "demo:informal-open", null, Informal(today.AddDays(-12), "CLM-2026-118734", 4812.50m)), cancellationToken);
        var decided = await mediator.Send(
            new FileInformalAppeal(provider, "demo:informal-decided", null, Informal(today.AddDays(-90), "ADJ-2026-000417", 12990.00m)), cancellationToken);
        if (!decided.Replayed)
        {
            await IssueInformalDecisionAsync(decided.AppealId, today.AddDays(-6), cancellationToken);
        }

        await mediator.Send(new FileClientAppeal(Filer(Role.ClientAppellant), "demo:client", null, new ClientAppealForm
        {
            AgencyId = DemoAccounts.ClientAgencyId.ToString(),
            ActionType = "BenefitsReduced",
            ActionDescription = "My personal care hours were cut from 40 to 20 a week although my needs have not changed.",
            NoticeDate = Day(today.AddDays(-4)),
            EffectiveDate = Day(today.AddDays(10)),
            Expedited = "no",
            McoMember = "no",
            ContactName = $"Demo {Role.ClientAppellant}",
            ContactPhone = "804-555-0111",
            ContactEmail = "clientappellant@demo.aims.example",
        }), cancellationToken);
        return [];
    }

    private static Filer Filer(Role role) =>
        new(DemoAccounts.UserId(role.ToString()), $"Demo {role}", $"{role.ToString().ToLowerInvariant()}@demo.aims.example", IsRepresentative: false);

    private static InformalAppealForm Informal(DateOnly noticeDate, string reference, decimal amount) => new()
    {
        ProviderId = DemoAccounts.ProviderId.ToString(),
        AgencyId = DemoAccounts.ProviderAgencyId.ToString(),
        NoticeDate = Day(noticeDate),
        ReceivedBy = nameof(ReceiptMethod.Mail),
        ActionType = "ClaimDenial",
        FromMco = "no",
        Items = [new DisputedItemForm { Reference = reference, Amount = amount.ToString(CultureInfo.InvariantCulture), Reason = "The service was authorized and documented." }],
        DesiredOutcome = "Pay the claim as billed.",
        ContactName = $"Demo {Role.ProviderUser}",
        ContactPhone = "804-555-0100",
        ContactEmail = "provideruser@demo.aims.example",
    };

    /// <summary>Stands in for the informal appeals agent until the staff screens issue decisions.</summary>
    private async Task IssueInformalDecisionAsync(Guid appealId, DateOnly decidedOn, CancellationToken cancellationToken)
    {
        await session.BeginAsync(cancellationToken);
        var appeal = (await store.LoadAppealAsync(appealId, cancellationToken))!;
        await store.AppendAsync(appealId, appeal.Version, [new DecisionIssued(
            DecisionLevel.Informal, decidedOn, "Sustained",
            "The informal fact-finding conference found the adjustment supported by the audit sample. The adjustment is sustained.",
            new Person(DemoAccounts.UserId(nameof(Role.InformalAppealsAgent)), $"Demo {Role.InformalAppealsAgent}"),
            deadlines.ProviderFormalWindow(decidedOn, ReceiptMethod.Portal).LastDay)], cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    private static string Day(DateOnly date) => date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
}
