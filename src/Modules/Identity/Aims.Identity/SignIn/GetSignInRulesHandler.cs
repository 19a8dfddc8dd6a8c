using Aims.Identity.Accounts;
using Aims.Identity.Codes;
using Aims.Identity.Contracts;
using Aims.Identity.Lockout;
using Aims.Identity.Passwords;
using Aims.Identity.Sessions;
using MediatR;
using Microsoft.Extensions.Options;

namespace Aims.Identity.SignIn;

internal sealed class GetSignInRulesHandler(
    IOptions<OneTimeCodeOptions> codes, IOptions<SignInLockoutOptions> lockout, IOptions<SessionOptions> sessions)
    : IRequestHandler<GetSignInRules, SignInRules>
{
    public Task<SignInRules> Handle(GetSignInRules request, CancellationToken cancellationToken) => Task.FromResult(new SignInRules(
        codes.Value.LifetimeMinutes, lockout.Value.MaxFailures, lockout.Value.Duration, sessions.Value.IdleTimeout, TemporaryPasswords.Lifetime,
        AccountActivations.Lifetime));
}
