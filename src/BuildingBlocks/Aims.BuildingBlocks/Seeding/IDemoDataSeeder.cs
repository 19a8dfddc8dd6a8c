namespace Aims.BuildingBlocks.Seeding;

/// <summary>
/// A module's demo data for the local portal (never production). Seeding runs on every start, so it must be
/// idempotent; the sign-ins it returns are printed for a newcomer.
/// </summary>
public interface IDemoDataSeeder
{
    Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken cancellationToken);
}
