namespace Aims.BuildingBlocks.BotCheck;

public sealed class BotCheckOptions
{
    public const string Section = "Aims:BotCheck";

    /// <summary>
    /// The secret number is drawn from 0..MaxNumber; the browser tries on average half as many SHA-256 hashes
    /// (about a quarter of a second at the default on a phone), which is nothing for a person and costly at scale.
    /// </summary>
    public int MaxNumber { get; set; } = 100_000;

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);
}
