using System.Collections.Immutable;

namespace ChainBot.Core.Compounds;

/// <summary>A group of buildings (营, 楼组群; about 20 buildings) within one area, led by its 营长.</summary>
/// <param name="Name">The group's name as people say it: <c>一营</c>, <c>东片三组</c>.</param>
/// <param name="Leader">The 营长, or null.</param>
/// <param name="Buildings">Its buildings, in the file's order.</param>
public sealed record BuildingGroup(string Name, Leader? Leader, ImmutableArray<Building> Buildings);
