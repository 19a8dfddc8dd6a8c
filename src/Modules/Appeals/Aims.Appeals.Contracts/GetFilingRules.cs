using MediatR;

namespace Aims.Appeals.Contracts;

/// <summary>
/// The filing windows as configured (Aims:AppealRules), for pages that explain them — the help FAQ — so they state the
/// numbers the deadline rules use.
/// </summary>
public sealed record GetFilingRules : IRequest<FilingRules>;

/// <param name="ProviderInformalFilingDays">Days after receiving the notice of adverse action to file an informal appeal.</param>
/// <param name="ClientFilingDays">Days after receiving the notice for a client appeal.</param>
/// <param name="McoHearingRequestDays">Days after the MCO's final decision for a member's hearing request, plus McoMailingDays.</param>
/// <param name="AuthorityProofDays">Days a representative has to prove authority for an appeal they filed.</param>
public sealed record FilingRules(
    int ProviderInformalFilingDays, int ClientFilingDays, int McoHearingRequestDays, int McoMailingDays, int AuthorityProofDays);
