using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Messaging;

namespace Aims.Registration.Contracts;

/// <summary>A Medicaid applicant or member completed their profile (the appellant's details for client appeals).</summary>
[PublishedForOutsideConsumers("registration reporting; no module acts on it")]
public sealed record ClientProfileCreated(Guid UserId, string MedicaidId) : IIntegrationEvent;
