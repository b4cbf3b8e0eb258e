using ChainBot.Core.Chains;
using ChainBot.Core.Merging;
using ChainBot.Core.Tally;

namespace ChainBot.Core.Replies;

/// <summary>
/// <c>统计</c> / <c>汇总</c>: each current chain's totals under its title — households, quantity per item, per building,
/// and what waits for the coordinator. Money only for whoever runs the chain; never a name.
/// </summary>
internal static class TallyAnswer
{
    /// <summary>The answer to <c>统计</c>.</summary>
    public static Draft For(Exchange exchange, CommandReceived command)
    {
        if (exchange.Context.Compound is { } compound)
            return ZoneAnswer.For(exchange, command, compound);
        var current = CurrentChains.Of(exchange, command.Chain);
        if (current.Shown.Count == 0)
            return Draft.Line(Phrases.NoChain);
        var lines = new List<string>();
        int reports = Attention.ReportsSince(exchange.State, current.Shown.Min(chain => chain.OpenedBy.Time));
        bool one = current.Shown.Count == 1;
        foreach (var chain in current.Shown)
        {
            if (lines.Count > 0)
                lines.Add(string.Empty);
            lines.AddRange(Summary(chain, exchange.Runs(chain), exchange.Message.Time, one ? reports : 0));
        }
        // Reports belong to no chain: with several chains they are said once, after them all.
        if (!one && reports > 0)
            lines.AddRange([string.Empty, "另有" + ReplyFormat.Number(reports) + "条消息没法归到接龙，需团长处理"]);
        if (current.Hidden > 0)
            lines.AddRange([string.Empty, "还有" + ReplyFormat.Number(current.Hidden) + "个更早的接龙没有列出"]);
        return Draft.Of(lines);
    }

    /// <summary>One chain's summary: title, deadline, then <see cref="Body"/>.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="money">True to show money due (the reader runs the chain).</param>
    /// <param name="now">When it is asked, for the deadline.</param>
    /// <param name="reports">The group's reported messages to count with this chain.</param>
    public static IEnumerable<string> Summary(ChainState chain, bool money, DateTimeOffset now, int reports)
    {
        yield return ReplyFormat.Title(chain);
        if (Deadline(chain, now) is { } deadline)
            yield return deadline;
        foreach (string line in Body(chain, money, reports))
            yield return line;
    }

    /// <summary>A chain's totals, its buildings and what waits for the coordinator, without its title.</summary>
    public static IEnumerable<string> Body(ChainState chain, bool money, int reports)
    {
        var tally = chain.Tally();
        if (tally.Total.Households == 0)
        {
            yield return "还没有计入的接龙";
        }
        else
        {
            foreach (string line in Totals(chain, tally, money))
                yield return line;
            foreach (string line in Buildings(chain, tally, money))
                yield return line;
        }
        foreach (string line in Attention.Of(chain, reports).Lines())
            yield return line;
    }

    /// <summary><c>截止时间 4月18日 20:00</c>, <c>已过截止时间 …</c>, <c>已截止</c>; null when the chain has no deadline.</summary>
    internal static string? Deadline(ChainState chain, DateTimeOffset now)
    {
        if (chain.ClosedBy is { } closed)
            return "已截止（" + ReplyFormat.Time(closed.Time) + "）";
        if (chain.Header.Deadline is not { } deadline)
            return null;
        return (now > deadline ? "已过截止时间 " : "截止时间 ") + ReplyFormat.Time(deadline);
    }

    /// <summary><c>共12户</c>, a line per item, the sum of money, how far from the minimum (a zone's totals say none).</summary>
    internal static IEnumerable<string> Totals(ChainState chain, ChainTally tally, bool money, bool minimum = true)
    {
        yield return "共" + ReplyFormat.Number(tally.Total.Households) + "户";
        var prices = chain.Header.Catalogue.IsDefault ? [] : chain.Header.Catalogue;
        bool priced = money && prices.Any(item => item.Price is not null);
        foreach (var item in tally.Total.Items)
        {
            string line = ReplyFormat.Quantity(item, named: true);
            if (priced && prices.FirstOrDefault(p => p.Name == item.Item && p.Unit == item.Unit)?.Price is decimal price)
                line += "，" + ReplyFormat.Money(price * item.Quantity);
            yield return line;
        }
        if (priced && tally.Total.Items.Length > 1)
            yield return "合计 " + ReplyFormat.Money(tally.Total.Amount);
        if (minimum && Minimum(chain, tally) is { } rule)
            yield return rule;
    }

    /// <summary><c>满30箱成团，还差17箱</c> or <c>满30箱成团，已成团</c>, where the catalogue counts in one unit.</summary>
    private static string? Minimum(ChainState chain, ChainTally tally)
    {
        if (chain.Header.Minimum is not int minimum || chain.Kind != ChainKind.Order)
            return null;
        var units = chain.Header.Catalogue.Select(item => item.Unit).Distinct().ToList();
        if (units.Count != 1)
            return null;
        decimal total = tally.Total.Items.Where(item => item.Unit == units[0]).Sum(item => item.Quantity);
        string rule = "满" + ReplyFormat.Number(minimum) + units[0] + "成团，";
        return total >= minimum ? rule + "已成团" : rule + "还差" + ReplyFormat.Number(minimum - total) + units[0];
    }

    /// <summary><c>按楼：</c> and a line per building; none for a roster of names, which has no buildings.</summary>
    internal static IEnumerable<string> Buildings(ChainState chain, ChainTally tally, bool money)
    {
        if (tally.Buildings.All(row => row.Building is null))
            yield break;
        yield return "按楼：";
        bool named = ReplyFormat.NamesItems(chain);
        bool roster = chain.Kind == ChainKind.Roster;
        bool priced = money && tally.Total.Amount > 0;
        foreach (var row in tally.Buildings)
        {
            string line = ReplyFormat.Building(row.Area, row.Building) + " " + ReplyFormat.Number(row.Households) + "户";
            // A roster's households ask for all sorts of things: its buildings are counted in households only.
            if (!roster)
                line += "：" + ReplyFormat.Items(row.Items, named);
            if (priced)
                line += "，" + ReplyFormat.Money(row.Amount);
            yield return line;
        }
    }
}
