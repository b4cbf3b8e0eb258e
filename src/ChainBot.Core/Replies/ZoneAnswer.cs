using ChainBot.Core.Chains;
using ChainBot.Core.Commands;
using ChainBot.Core.Compounds;
using ChainBot.Core.Merging;
using ChainBot.Core.Tally;

namespace ChainBot.Core.Replies;

/// <summary>
/// <c>统计</c> in a compound run in levels (a compound file is configured): <c>统计 一营</c>, <c>统计二区</c> answer that
/// zone's totals with a line per building; <c>统计</c> alone answers the sender's own level — a 营长 their group, a
/// 片区长 their area, a building's volunteer their building's list, the 团长 and everyone else the compound with a
/// line per area and group. Money as in <see cref="TallyAnswer"/>: only for whoever runs the chain.
/// </summary>
internal static class ZoneAnswer
{
    /// <summary>The answer to <c>统计</c> or <c>统计 一营</c> with <paramref name="compound"/> known.</summary>
    public static Draft For(Exchange exchange, CommandReceived command, Compound compound)
    {
        Zone? zone;
        if (command.Command.Argument is { } name)
        {
            zone = compound.FindZone(name);
            // 统计 12号楼: a building the file knows, asked for with the zone's word.
            if (zone is null && ZoneNames.Building(name) is { } number && compound.Locate(null, number) is not null)
                zone = new Zone(ZoneLevel.Building, number);
            if (zone is null)
                return Draft.Of([$"没有叫「{name}」的分区。", "可以统计：" + Zones(compound)]);
        }
        else
        {
            zone = compound.LedBy(exchange.Sender, exchange.Message.SenderName);
        }
        if (zone?.Level == ZoneLevel.Building)
            return BuildingAnswer.For(exchange, command with { Command = new BotCommand(BotCommandKind.Building, zone.Name) });

        var current = CurrentChains.Of(exchange, command.Chain);
        if (current.Shown.Count == 0)
            return Draft.Line(Phrases.NoChain);
        var lines = new List<string>();
        foreach (var chain in current.Shown)
        {
            if (lines.Count > 0)
                lines.Add(string.Empty);
            lines.Add(ReplyFormat.Title(chain));
            if (TallyAnswer.Deadline(chain, exchange.Message.Time) is { } deadline)
                lines.Add(deadline);
            var rolled = CompoundTally.Compute(compound, chain.Tally());
            bool money = exchange.Runs(chain);
            lines.AddRange(zone is null || zone.Level == ZoneLevel.Compound
                ? Whole(chain, compound, rolled, money)
                : One(chain, rolled.Of(zone)!, money));
        }
        if (current.Hidden > 0)
            lines.AddRange([string.Empty, "还有" + ReplyFormat.Number(current.Hidden) + "个更早的接龙没有列出"]);
        return Draft.Of(lines);
    }

    /// <summary>The compound: its totals, a line per area and per group (and 未分区), what waits for the coordinator.</summary>
    private static IEnumerable<string> Whole(ChainState chain, Compound compound, CompoundTally rolled, bool money)
    {
        var tally = chain.Tally();
        if (tally.Total.Households == 0)
        {
            yield return "还没有计入的接龙";
            yield break;
        }
        yield return compound.Name;
        foreach (string line in TallyAnswer.Totals(chain, tally, money))
            yield return line;
        yield return "按分区：";
        bool named = ReplyFormat.NamesItems(chain);
        foreach (var area in rolled.Areas)
        {
            yield return Line(chain, area, named, money);
            foreach (var group in area.Parts)
                yield return "· " + Line(chain, group, named, money);
        }
        if (rolled.Unzoned.Total.Households > 0)
            yield return Line(chain, rolled.Unzoned, named, money) + "（名单外的楼）";
        foreach (string line in Attention.Of(chain, 0).Lines())
            yield return line;
    }

    /// <summary>One area or group: its name and leader's level, its totals, a line per building with lines.</summary>
    private static IEnumerable<string> One(ChainState chain, ZoneTally zone, bool money)
    {
        yield return zone.Zone.Name + (zone.Parts.IsEmpty ? string.Empty : "（" + string.Join("、", zone.Parts.Select(part => part.Zone.Name)) + "）");
        if (zone.Total.Households == 0)
        {
            yield return "还没有计入的接龙";
            yield break;
        }
        var tally = new ChainTally(zone.Buildings, zone.Total);
        foreach (string line in TallyAnswer.Totals(chain, tally, money, minimum: false))
            yield return line;
        foreach (string line in TallyAnswer.Buildings(chain, tally, money))
            yield return line;
    }

    /// <summary><c>一营 20户：25份，¥1700</c>; <c>三营 0户</c> for a zone without lines yet.</summary>
    private static string Line(ChainState chain, ZoneTally zone, bool named, bool money)
    {
        string line = zone.Zone.Name + " " + ReplyFormat.Number(zone.Total.Households) + "户";
        if (zone.Total.Households == 0)
            return line;
        if (chain.Kind != ChainKind.Roster)
            line += "：" + ReplyFormat.Items(zone.Total.Items, named);
        if (money && zone.Total.Amount > 0)
            line += "，" + ReplyFormat.Money(zone.Total.Amount);
        return line;
    }

    /// <summary><c>一区（一营、二营）、二区（三营）</c>: every zone one can ask for.</summary>
    private static string Zones(Compound compound) =>
        string.Join("、", compound.Areas.Select(area => area.Name + "（" + string.Join("、", area.Groups.Select(group => group.Name)) + "）"));
}
