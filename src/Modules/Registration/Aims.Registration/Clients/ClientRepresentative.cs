namespace Aims.Registration.Clients;

/// <summary>An authorized representative a client linked: they see and act on the client's appeals.</summary>
internal sealed class ClientRepresentative
{
    public Guid ClientUserId { get; init; }

    public Guid RepresentativeUserId { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    public DateTimeOffset LinkedAt { get; init; }
}

internal sealed class ClientRepresentativeInvitation : Invitation
{
    public Guid ClientUserId { get; init; }
}
