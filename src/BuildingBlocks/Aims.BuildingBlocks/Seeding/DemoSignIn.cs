namespace Aims.BuildingBlocks.Seeding;

public sealed record DemoSignIn(string Role, string Email, string Password);
