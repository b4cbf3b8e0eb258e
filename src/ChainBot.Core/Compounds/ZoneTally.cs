using System.Collections.Immutable;
using ChainBot.Core.Tally;

namespace ChainBot.Core.Compounds;

/// <summary>One zone's totals (分区统计): households, quantities and money, its buildings' rows and its parts' totals.</summary>
/// <param name="Zone">The zone: an area, a group, or <see cref="CompoundTally.Unzoned"/> (未分区).</param>
/// <param name="Leader">Who leads it, or null.</param>
/// <param name="Total">Its totals: the sums of its buildings'.</param>
/// <param name="Buildings">Its buildings with an active line, in the file's order (for 未分区, the tally's).</param>
/// <param name="Parts">An area's groups (each group's totals); empty for a group.</param>
public sealed record ZoneTally(Zone Zone, Leader? Leader, TallyTotal Total, ImmutableArray<BuildingTally> Buildings, ImmutableArray<ZoneTally> Parts);
