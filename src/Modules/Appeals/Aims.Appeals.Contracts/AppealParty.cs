namespace Aims.Appeals.Contracts;

/// <summary>The capacity in which someone takes part in an appeal.</summary>
public enum AppealParty
{
    Appellant,
    ProviderUser,
    Representative,
    AgencyCoordinator,
    AssignedStaff,
}
