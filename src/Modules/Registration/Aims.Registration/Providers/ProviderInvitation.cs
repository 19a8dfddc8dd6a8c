namespace Aims.Registration.Providers;

/// <summary>An emailed invitation to act for a provider: for one address, 7 days, used once; only its hash is kept.</summary>
internal sealed class ProviderInvitation : Invitation
{
    public Guid ProviderId { get; init; }

    public Guid InvitedBy { get; init; }
}
