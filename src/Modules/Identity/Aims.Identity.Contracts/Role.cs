namespace Aims.Identity.Contracts;

/// <summary>Every kind of account. External users sign in with email, password and a second factor; staff on their own path.</summary>
public enum Role
{
    ProviderUser,
    ProviderRepresentative,
    McoUser,
    TradingPartner,
    ClientAppellant,
    AuthorizedRepresentative,
    AgencyCoordinator,
    CaseWorker,
    HearingOfficer,
    InformalAppealsAgent,
    AppealsAdministrator,
}
