using Aims.BuildingBlocks.Messaging;

namespace Aims.Appeals.Contracts;

/// <summary>The full, current list of who takes part in an appeal, sent whenever it changes.</summary>
public sealed record AppealPartiesChanged(Guid AppealId, IReadOnlyList<AppealPartyMember> Parties) : IIntegrationEvent;

public sealed record AppealPartyMember(Guid UserId, AppealParty Party, bool CanAddDocuments, bool CanAct);
