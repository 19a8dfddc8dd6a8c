using Aims.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Aims.MessagingProbe;

public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : ModuleDbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override string Schema => ProbeModule.Schema;

    protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.Entity<Note>().ToTable("notes");
}

public sealed class Note
{
    public Guid Id { get; init; }

    public required string Text { get; init; }
}
