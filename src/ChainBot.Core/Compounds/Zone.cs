namespace ChainBot.Core.Compounds;

/// <summary>One zone of the compound (分区): a level and the name that says which one.</summary>
/// <param name="Level">The level.</param>
/// <param name="Name">The compound's, area's or group's name; for a building, its number.</param>
/// <param name="Area">For a building, its area (一区12号 and 三区12号 are two); null otherwise.</param>
public sealed record Zone(ZoneLevel Level, string Name, string? Area = null);
