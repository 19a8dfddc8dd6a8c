namespace Aims.Benchmarks;

/// <summary>What the seeded data holds for the searches to look for: a case number, an agency and a staff member.</summary>
internal sealed record CaseWorkSample(string CaseNumber, Guid AgencyId, Guid AssigneeId, DateOnly Today);
