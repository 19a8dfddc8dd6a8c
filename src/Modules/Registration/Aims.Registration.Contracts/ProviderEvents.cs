using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Messaging;
using MediatR;

namespace Aims.Registration.Contracts;

/// <summary>A provider organization's profile was created; its creator is its first administrator.</summary>
[PublishedForOutsideConsumers("registration reporting; no module acts on it")]
public sealed record ProviderProfileCreated(Guid ProviderId, string Npi, string Name, bool InMcoNetwork, Guid CreatedBy) : IIntegrationEvent;

/// <summary>Someone joined a provider (a colleague, or a representative acting for several providers).</summary>
[PublishedForOutsideConsumers("registration reporting; no module acts on it")]
public sealed record ProviderMemberAdded(Guid ProviderId, Guid UserId, bool IsAdministrator) : IIntegrationEvent;

/// <summary>The providers a user acts for — appeals filed for a provider belong to the provider, not the person.</summary>
public sealed record GetProviderMemberships(Guid UserId) : IRequest<IReadOnlyList<ProviderMembership>>;

public sealed record ProviderMembership(Guid ProviderId, string Name, string Npi, bool InMcoNetwork, bool IsAdministrator);
