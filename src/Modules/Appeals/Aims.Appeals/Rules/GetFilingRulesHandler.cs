using Aims.Appeals.Contracts;
using MediatR;
using Microsoft.Extensions.Options;

namespace Aims.Appeals.Rules;

internal sealed class GetFilingRulesHandler(IOptions<AppealRulesOptions> options) : IRequestHandler<GetFilingRules, FilingRules>
{
    public Task<FilingRules> Handle(GetFilingRules request, CancellationToken cancellationToken)
    {
        var rules = options.Value;
        return Task.FromResult(new FilingRules(rules.ProviderInformalFilingDays, rules.ClientFilingDays, rules.McoHearingRequestDays, rules.McoMailingDays, rules.AuthorityProofDays));
    }
}
