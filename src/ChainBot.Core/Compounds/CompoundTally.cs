using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Tally;

namespace ChainBot.Core.Compounds;

/// <summary>
/// A chain's totals rolled up the compound's levels (分区汇总): building → group (营) → area (片区) → compound. A building
/// the file does not list, or a line whose building could be several, stays visible under <see cref="Unzoned"/>
/// (未分区) rather than lost, so the areas and 未分区 always add up to the chain's total.
/// </summary>
/// <param name="Compound">The compound's totals: the chain's.</param>
/// <param name="Areas">Each area's totals, with its groups', in the file's order; every area, even one without lines.</param>
/// <param name="Unzoned">The buildings no zone holds (未分区); its totals are zero when every line was placed.</param>
public sealed record CompoundTally(TallyTotal Compound, ImmutableArray<ZoneTally> Areas, ZoneTally Unzoned)
{
    /// <summary>What lines no zone holds are called in answers and sheets.</summary>
    public const string UnzonedName = "未分区";

    /// <summary>Every group's totals, area by area.</summary>
    public IEnumerable<ZoneTally> Groups => Areas.SelectMany(area => area.Parts);

    /// <summary>The totals of an area or group, or null for another zone.</summary>
    public ZoneTally? Of(Zone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.Level switch
        {
            ZoneLevel.Area => Areas.FirstOrDefault(area => area.Zone.Name == zone.Name),
            ZoneLevel.Group => Groups.FirstOrDefault(group => group.Zone.Name == zone.Name),
            _ => null,
        };
    }

    /// <summary>Rolls <paramref name="tally"/>'s buildings up <paramref name="compound"/>'s levels.</summary>
    public static CompoundTally Compute(Compound compound, ChainTally tally)
    {
        ArgumentNullException.ThrowIfNull(compound);
        ArgumentNullException.ThrowIfNull(tally);
        var placed = new Dictionary<BuildingGroup, List<(int Rank, BuildingTally Row)>>();
        var unzoned = new List<BuildingTally>();
        foreach (var row in tally.Buildings)
        {
            if (compound.Locate(row.Area, row.Building) is not { } place)
            {
                unzoned.Add(row);
                continue;
            }
            if (!placed.TryGetValue(place.Group, out var rows))
                placed.Add(place.Group, rows = []);
            rows.Add((place.Rank, row));
        }
        // Items keep the chain's order (catalogue first) in every zone.
        var order = tally.Total.Items.Select((item, i) => (item, i)).ToDictionary(x => (x.item.Item, x.item.Unit), x => x.i);
        var areas = compound.Areas.Select(area =>
        {
            var groups = area.Groups.Select(group =>
            {
                var rows = placed.TryGetValue(group, out var found) ? found.OrderBy(x => x.Rank).Select(x => x.Row).ToImmutableArray() : [];
                return new ZoneTally(new Zone(ZoneLevel.Group, group.Name), group.Leader, Sum(rows, order), rows, []);
            }).ToImmutableArray();
            var buildings = groups.SelectMany(group => group.Buildings).ToImmutableArray();
            return new ZoneTally(new Zone(ZoneLevel.Area, area.Name), area.Leader, Sum(buildings, order), buildings, groups);
        }).ToImmutableArray();
        var rest = unzoned.ToImmutableArray();
        return new CompoundTally(tally.Total, areas, new ZoneTally(new Zone(ZoneLevel.Area, UnzonedName), null, Sum(rest, order), rest, []));
    }

    /// <summary>The sums of some buildings' households, quantities (in the chain's item order) and money.</summary>
    private static TallyTotal Sum(ImmutableArray<BuildingTally> rows, Dictionary<(string, string), int> order)
    {
        var quantities = new Dictionary<(string Item, string Unit), decimal>();
        foreach (var item in rows.SelectMany(row => row.Items))
            quantities[(item.Item, item.Unit)] = quantities.GetValueOrDefault((item.Item, item.Unit)) + item.Quantity;
        var items = quantities
            .OrderBy(pair => order.GetValueOrDefault(pair.Key, int.MaxValue))
            .Select(pair => new ItemQuantity(pair.Key.Item, pair.Value, pair.Key.Unit))
            .ToImmutableArray();
        return new TallyTotal(rows.Sum(row => row.Households), items, rows.Sum(row => row.Amount));
    }
}
