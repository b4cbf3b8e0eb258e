namespace ChainBot.Core.Compounds;

/// <summary>Where a building sits in the compound: its area, its group, and its rank in the file's order.</summary>
/// <param name="Area">The area (片区).</param>
/// <param name="Group">The group of buildings (营).</param>
/// <param name="Building">The building.</param>
/// <param name="Rank">0 for the file's first building, then 1, 2…: the order lists by zone follow.</param>
public sealed record BuildingPlace(Area Area, BuildingGroup Group, Building Building, int Rank);
