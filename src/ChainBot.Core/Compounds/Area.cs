using System.Collections.Immutable;

namespace ChainBot.Core.Compounds;

/// <summary>
/// An area of the compound (片区): what residents write before a building (<c>一区12号</c>, <c>东区3-201</c>), led by
/// its 片区长.
/// </summary>
/// <param name="Name">The area as residents write it: <c>一区</c>, <c>东区</c>, <c>二期</c>.</param>
/// <param name="Leader">The 片区长, or null.</param>
/// <param name="Groups">Its groups of buildings, in the file's order.</param>
public sealed record Area(string Name, Leader? Leader, ImmutableArray<BuildingGroup> Groups)
{
    /// <summary>Every building of the area, group by group.</summary>
    public IEnumerable<Building> Buildings => Groups.SelectMany(group => group.Buildings);
}
