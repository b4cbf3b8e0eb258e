using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Commands;
using ChainBot.Core.Merging;
using ChainBot.Core.Text;

namespace ChainBot.Core.Replies;

/// <summary>
/// Pickup registration (领取登记): <c>到货</c> announces the goods to the group (or refuses, politely, anyone who does
/// not run the chain); <c>已领</c>, <c>12-301 已取</c> and <c>12号楼全部已领</c> get a short confirmation by address,
/// never by name; <c>未领</c> and <c>3号楼未领</c> list who has not collected, rooms and shortened names (王**).
/// </summary>
internal static class PickupAnswer
{
    /// <summary>Households named on one line of the <c>未领</c> list; a bigger building goes on several.</summary>
    private const int HouseholdsPerLine = 10;

    /// <summary>The answer to <c>到货</c>.</summary>
    public static Draft Deliver(Exchange exchange, CommandReceived command)
    {
        if (exchange.First<Delivered>() is { } delivered && exchange.Chain(delivered.Chain) is { } chain)
        {
            int households = chain.Uncollected().Length;
            return Draft.Of(
            [
                ReplyFormat.Title(chain) + "已到货，共" + ReplyFormat.Number(households) + "户待领取。",
                "领到后请发「已领」，帮邻居领发「12-301 已取」，发「未领」看还有谁没领。",
            ]);
        }
        if (exchange.Chain(command.Chain) is not { } target)
            return Draft.Line(Phrases.NoChain, toSender: true);
        if (!exchange.Runs(target))
            return Draft.Line("只有团长可以登记到货哦。", toSender: true);
        if (target.Delivered is { } when)
            return Draft.Line(ReplyFormat.Title(target) + "已经登记到货了（" + ReplyFormat.Time(when.Time) + "）。", toSender: true);
        return Draft.Line("没能登记到货，请联系管理员核对团长设置。", toSender: true);
    }

    /// <summary>The answer to <c>已领</c> and <c>12-301 已取</c>.</summary>
    public static Draft PickUp(Exchange exchange, CommandReceived command)
    {
        if (exchange.First<PickedUp>() is not { } picked || exchange.Chain(picked.Chain) is not { } chain)
            return Draft.Line(Phrases.NoChain, toSender: true);
        if (picked.Count > 0)
        {
            string line = "已登记 " + Households(picked.Households) + " 已领取";
            return picked.Already.IsEmpty ? Draft.Line(line) : Draft.Of([line, Before(chain, picked.Already)]);
        }
        if (!picked.Already.IsEmpty)
            return Draft.Line(Before(chain, picked.Already));
        if (command.Command.Argument is { } written)
            return Draft.Line(ReplyFormat.Title(chain) + "里没有" + written + "要领的登记，请核对楼号房号。", toSender: true);
        return Draft.Line("没找到你在" + ReplyFormat.Title(chain) + "的登记；帮邻居登记请发「12-301 已取」。", toSender: true);
    }

    /// <summary>The answer to <c>12号楼全部已领</c>.</summary>
    public static Draft PickUpBuilding(Exchange exchange, CommandReceived command)
    {
        var (building, entrance) = BuildingAnswer.Split(command.Command.Argument ?? string.Empty);
        string place = ReplyFormat.Building(null, building) + (entrance is null ? string.Empty : entrance + "单元");
        if (exchange.First<PickedUp>() is not { } picked || exchange.Chain(picked.Chain) is not { } chain)
        {
            if (exchange.Chain(command.Chain) is null)
                return Draft.Line(Phrases.NoChain, toSender: true);
            return Draft.Line("只有团长或楼组志愿者可以登记整栋楼已领哦，自己领到发「已领」就行。", toSender: true);
        }
        int total = picked.Households.Length + picked.Already.Length;
        if (picked.Count > 0)
            return Draft.Line("已登记 " + place + "全部已领取，共" + ReplyFormat.Number(total) + "户");
        if (total > 0)
            return Draft.Line(place + "之前都已登记领取了。");
        return Draft.Line(ReplyFormat.Title(chain) + "里" + place + "没有要领的登记。", toSender: true);
    }

    /// <summary>The answer to <c>未领</c> (per building) and <c>3号楼未领</c> (one building, a line per household).</summary>
    public static Draft Uncollected(Exchange exchange, CommandReceived command)
    {
        if (exchange.Chain(command.Chain) is not { } chain)
            return Draft.Line(Phrases.NoChain);
        string title = ReplyFormat.Title(chain);
        if (chain.Delivered is null)
            return Draft.Line(title + "还没有登记到货，团长发「到货」后再来看谁没领。");
        var waiting = chain.Uncollected();
        if (command.Command.Argument is { } argument)
            return OneBuilding(title, waiting, argument);
        if (waiting.IsEmpty)
            return Draft.Line(title + "都已领取，共" + ReplyFormat.Number(chain.PickedUp.Count) + "户。");

        var lines = new List<string> { title + "未领" + ReplyFormat.Number(waiting.Length) + "户（已领" + ReplyFormat.Number(chain.PickedUp.Count) + "户）：" };
        var buildings = waiting
            .GroupBy(entry => (entry.Entry.Address.Area, entry.Entry.Address.Building))
            .OrderBy(group => group.Key.Building is null)
            .ThenBy(group => group.Key.Area, NaturalComparer.Instance)
            .ThenBy(group => group.Key.Building, NaturalComparer.Instance);
        foreach (var building in buildings)
        {
            var rows = BuildingAnswer.Ordered(building).Select(Row).ToList();
            string heading = ReplyFormat.Building(building.Key.Area, building.Key.Building) + " " + ReplyFormat.Number(rows.Count) + "户：";
            for (int i = 0; i < rows.Count; i += HouseholdsPerLine)
                lines.Add((i == 0 ? heading : "（续）") + string.Join("，", rows.Skip(i).Take(HouseholdsPerLine)));
        }
        return Draft.Of(lines);
    }

    private static Draft OneBuilding(string title, ImmutableArray<MergedEntry> waiting, string argument)
    {
        var (building, entrance) = BuildingAnswer.Split(argument);
        string place = ReplyFormat.Building(null, building) + (entrance is null ? string.Empty : entrance + "单元");
        var rows = waiting.Where(entry => BuildingAnswer.In(entry.Entry.Address, building, entrance)).ToList();
        if (rows.Count == 0)
            return Draft.Line(title + place + "没有未领的。");
        var lines = new List<string> { title + place + "未领" + ReplyFormat.Number(rows.Count) + "户：" };
        foreach (var area in rows.GroupBy(row => row.Entry.Address.Area).OrderBy(group => group.Key, NaturalComparer.Instance))
        {
            if (area.Key is not null)
                lines.Add(ReplyFormat.Building(area.Key, building) + "：");
            lines.AddRange(BuildingAnswer.Ordered(area).Select(Row));
        }
        return Draft.Of(lines);
    }

    /// <summary><c>2单元601 蒋*</c>: the flat and the name shortened; the name alone when no flat is written.</summary>
    private static string Row(MergedEntry entry)
    {
        string flat = ReplyFormat.Flat(entry.Entry.Address);
        string? name = NameMask.Shorten(entry.Entry.Name);
        return (flat, name) switch
        {
            ({ Length: > 0 }, { } n) => flat + " " + n,
            ({ Length: > 0 }, null) => flat,
            (_, { } n) => n,
            _ => "没写地址的一行",
        };
    }

    /// <summary><c>12号楼301、12号楼302</c>: households by address; one with no address by its name shortened.</summary>
    private static string Households(IEnumerable<HouseholdId> households) => string.Join("、", households.Select(Household));

    private static string Household(HouseholdId household)
    {
        string address = ReplyFormat.Address(new Address(household.Area, household.Building, household.Entrance, household.Room, household.Floor));
        return address.Length > 0 ? address : NameMask.Shorten(household.Name) ?? "没写地址的一户";
    }

    /// <summary><c>12号楼301 之前已登记领取（4月18日 21:05）。</c></summary>
    private static string Before(ChainState chain, ImmutableArray<HouseholdId> households)
    {
        var first = households.Select(h => chain.PickedUp[h].Time).Min();
        return Households(households) + " 之前已登记领取（" + ReplyFormat.Time(first) + "）。";
    }
}
