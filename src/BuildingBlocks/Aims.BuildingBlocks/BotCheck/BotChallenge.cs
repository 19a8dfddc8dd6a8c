namespace Aims.BuildingBlocks.BotCheck;

/// <summary>What the browser receives: find the number n with SHA-256(salt + n) = challenge (the ALTCHA protocol).</summary>
public sealed record BotChallenge(string Algorithm, string Challenge, string Salt, string Signature, int MaxNumber);
