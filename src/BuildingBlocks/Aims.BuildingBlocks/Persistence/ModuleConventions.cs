using Microsoft.EntityFrameworkCore;

namespace Aims.BuildingBlocks.Persistence;

/// <summary>
/// What every module context does, whatever its base class (<see cref="ModuleDbContext"/>, or a framework context such
/// as Identity's): its own schema with snake_case names. Its saves join the scope's transaction through its registration.
/// </summary>
public static class ModuleConventions
{
    /// <summary>Call at the start of OnModelCreating.</summary>
    public static void UseSchema(this ModelBuilder modelBuilder, string schema) => modelBuilder.HasDefaultSchema(schema);

    /// <summary>Call at the end of OnModelCreating, after every entity is configured.</summary>
    public static void UseModuleNames(this ModelBuilder modelBuilder) => modelBuilder.UseSnakeCaseNames();
}
