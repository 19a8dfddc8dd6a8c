using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Aims.BuildingBlocks.Persistence;

/// <summary>
/// What every module context does, whatever its base class (<see cref="ModuleDbContext"/>, or a framework context such
/// as Identity's): its own schema with snake_case names, and saves that join the scope's open transaction.
/// </summary>
public static class ModuleConventions
{
    /// <summary>Call at the start of OnModelCreating.</summary>
    public static void UseSchema(this ModelBuilder modelBuilder, string schema) => modelBuilder.HasDefaultSchema(schema);

    /// <summary>Call at the end of OnModelCreating, after every entity is configured.</summary>
    public static void UseModuleNames(this ModelBuilder modelBuilder) => modelBuilder.UseSnakeCaseNames();

    /// <summary>Call before saving, so the save commits or rolls back with the rest of the unit of work.</summary>
    public static void JoinSessionTransaction(this DbContext context, DbSession session) => session.Join(context);
}
