using System.Globalization;
using ChainBot.Core.Ledgers;
using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>
/// <c>台账 配药</c>: the ledger's current list for the coordinator, per building — room, name shortened (刘**), what
/// each registered and the date; households whose latest line cancelled are counted, not listed; no phone number.
/// <c>台账</c> alone, or a name the group has no ledger of: the ledgers it has, with their household counts. Only for
/// whoever runs a chain of the group or is a configured coordinator, as <c>截止</c>.
/// </summary>
internal static class LedgerAnswer
{
    /// <summary>The answer to <c>台账</c>.</summary>
    public static Draft For(Exchange exchange, CommandReceived command)
    {
        if (!exchange.Context.SenderIsCoordinator && !exchange.State.Chains.Any(exchange.Runs))
            return Draft.Line("台账只对团长开放哦。", toSender: true);
        var catalog = exchange.Context.Ledgers;
        var ledgers = LedgerBuilder.Build(exchange.State, catalog);
        if (command.Command.Argument is not { } asked)
            return List(ledgers, null);
        string? name = catalog.Find(asked)?.Name;
        if (ledgers.FirstOrDefault(ledger => ledger.Name == name) is not { } found)
            return List(ledgers, asked);
        return Draft.Of(Lines(found));
    }

    /// <summary>The ledgers the group has, after saying the one asked for is not among them.</summary>
    private static Draft List(IReadOnlyList<Ledger> ledgers, string? asked)
    {
        var lines = new List<string>();
        if (asked is not null)
            lines.Add("没有「" + ReplyFormat.Clip(asked, ReplyDefaults.QuoteLength) + "」台账。");
        if (ledgers.Count == 0)
        {
            lines.Add("本群还没有台账：标题里有配药、行动不便、外出、燃气充值等字样的登记接龙会自动记入。");
            return Draft.Of(lines);
        }
        lines.Add("本群的台账：");
        foreach (var ledger in ledgers)
            lines.Add($"{ledger.Name} — {ReplyFormat.Number(ledger.CurrentCount)}户（{ReplyFormat.Number(ledger.Chains)}次接龙）");
        lines.Add("发「台账 " + ledgers[0].Name + "」看名单。");
        return Draft.Of(lines);
    }

    /// <summary>The title line, then per building its count and a line per household.</summary>
    private static IEnumerable<string> Lines(Ledger ledger)
    {
        int cancelled = ledger.Households.Length - ledger.CurrentCount;
        string title = $"【{ledger.Name}台账】现登记{ReplyFormat.Number(ledger.CurrentCount)}户，来自{ReplyFormat.Number(ledger.Chains)}次接龙";
        yield return cancelled > 0 ? $"{title}；另有{ReplyFormat.Number(cancelled)}户已取消" : title;
        foreach (var building in ledger.Current.GroupBy(static h => (h.Latest.Address.Area, h.Latest.Address.Building)))
        {
            yield return ReplyFormat.Building(building.Key.Area, building.Key.Building) + "：" + ReplyFormat.Number(building.Count()) + "户";
            foreach (var household in building)
                yield return Row(household);
        }
    }

    /// <summary><c>302 刘** 氨氯地平 2盒；医保卡已交（4月25日，代登记，第2次）</c>.</summary>
    private static string Row(LedgerHousehold household)
    {
        var current = household.Current!;
        var parts = new List<string>(3);
        string flat = ReplyFormat.Flat(current.Address);
        if (flat.Length > 0)
            parts.Add(flat);
        if (NameMask.Shorten(current.Name) is { } name)
            parts.Add(name);
        if (current.Content.Length > 0)
            parts.Add(ReplyFormat.Clip(current.Content, ReplyDefaults.QuoteLength));
        var facts = new List<string>(3) { current.Time.ToString("M月d日", CultureInfo.InvariantCulture) };
        if (current.OnBehalf)
            facts.Add("代登记");
        if (household.Count > 1)
            facts.Add("第" + ReplyFormat.Number(household.Count) + "次");
        return string.Join(' ', parts) + "（" + string.Join("，", facts) + "）";
    }
}
