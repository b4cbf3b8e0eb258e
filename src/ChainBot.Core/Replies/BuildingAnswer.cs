using ChainBot.Core.Chains;
using ChainBot.Core.Merging;
using ChainBot.Core.Tally;
using ChainBot.Core.Text;

namespace ChainBot.Core.Replies;

/// <summary>
/// <c>3号楼</c> (or <c>3号楼2单元</c>, read as <c>3-2</c>): the building's list in each current chain, for the
/// volunteer who hands out the goods — rooms in natural order, names shortened (王**), quantities; no phone number,
/// no note (it may name people), no cancelled line. A late line not yet accepted is listed and marked.
/// </summary>
internal static class BuildingAnswer
{
    /// <summary>The answer to <c>N号楼</c>.</summary>
    public static Draft For(Exchange exchange, CommandReceived command)
    {
        var current = CurrentChains.Of(exchange, command.Chain);
        if (current.Shown.Count == 0)
            return Draft.Line(Phrases.NoChain);
        var (building, entrance) = Split(command.Command.Argument ?? string.Empty);
        string place = ReplyFormat.Building(null, building) + (entrance is null ? string.Empty : entrance + "单元");

        var lines = new List<string>();
        foreach (var chain in current.Shown)
        {
            var rows = chain.Entries
                .Where(entry => entry.Entry.Status == EntryStatus.Active && In(entry.Entry.Address, building, entrance))
                .ToList();
            if (rows.Count == 0)
                continue;
            if (lines.Count > 0)
                lines.Add(string.Empty);
            lines.Add(ReplyFormat.Title(chain));
            lines.AddRange(List(chain, rows, entrance, exchange.Runs(chain)));
        }
        if (lines.Count == 0)
        {
            string where = current.Shown.Count == 1 ? ReplyFormat.Title(current.Shown[0]) : "现在的接龙里";
            return Draft.Line(where + place + "还没有人接龙。");
        }
        return Draft.Of(lines);
    }

    /// <summary>"3-2" → building 3, entrance 2; "12" → building 12.</summary>
    internal static (string Building, string? Entrance) Split(string argument)
    {
        int dash = argument.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? (argument, null) : (argument[..dash], argument[(dash + 1)..]);
    }

    internal static bool In(Address address, string building, string? entrance) =>
        string.Equals(address.Building, building, StringComparison.OrdinalIgnoreCase)
        && (entrance is null || address.Entrance == entrance);

    /// <summary>Per compound part (一区3号楼, 二区3号楼 are two buildings): its totals, then a line per household.</summary>
    private static IEnumerable<string> List(ChainState chain, List<MergedEntry> rows, string? entrance, bool money)
    {
        bool named = ReplyFormat.NamesItems(chain);
        foreach (var area in rows.GroupBy(row => row.Entry.Address.Area).OrderBy(group => group.Key, NaturalComparer.Instance))
        {
            var first = area.First().Entry.Address;
            string heading = ReplyFormat.Building(area.Key, first.Building) + (entrance is null ? string.Empty : entrance + "单元");
            yield return heading + Totals(chain, area, named, money);
            foreach (var row in Ordered(area))
                yield return Row(chain, row, named, entrance is not null);
        }
    }

    /// <summary><c>：3户，4份</c> of the lines that count (with money for the coordinator); empty when none counts yet.</summary>
    private static string Totals(ChainState chain, IEnumerable<MergedEntry> rows, bool named, bool money)
    {
        var builder = new TallyBuilder(chain.Header.Catalogue);
        foreach (var row in rows.Where(row => row.Counts))
            builder.Add(row.Entry);
        var total = builder.Build().Total;
        if (total.Households == 0)
            return "：";
        string text = "：" + ReplyFormat.Number(total.Households) + "户";
        if (chain.Kind == ChainKind.Order)
            text += "，" + ReplyFormat.Items(total.Items, named);
        if (money && total.Amount > 0)
            text += "，" + ReplyFormat.Money(total.Amount);
        return text;
    }

    /// <summary>Rooms as people count them: by entrance, then room (201 before 1102), then floor, then as first seen.</summary>
    internal static IEnumerable<MergedEntry> Ordered(IEnumerable<MergedEntry> rows) =>
        rows.OrderBy(row => row.Entry.Address.Entrance is not null)
            .ThenBy(row => row.Entry.Address.Entrance, NaturalComparer.Instance)
            .ThenBy(row => row.Entry.Address.Room is null)
            .ThenBy(row => row.Entry.Address.Room, NaturalComparer.Instance)
            .ThenBy(row => row.Entry.Address.Floor, NaturalComparer.Instance)
            .ThenBy(row => row.Id);

    /// <summary><c>2单元601 蒋* 1份</c>, marked when it waits for the coordinator.</summary>
    private static string Row(ChainState chain, MergedEntry row, bool named, bool entranceKnown)
    {
        var address = row.Entry.Address;
        string flat = entranceKnown ? ReplyFormat.Flat(address with { Entrance = null }) : ReplyFormat.Flat(address);
        var parts = new List<string>(3);
        if (flat.Length > 0)
            parts.Add(flat);
        if (NameMask.Shorten(row.Entry.Name) is { } name)
            parts.Add(name);
        if (!row.Entry.Items.IsEmpty)
            parts.Add(ReplyFormat.Items(row.Entry.Items, named));
        string line = string.Join(' ', parts);
        var marks = chain.MarksOf(row);
        if ((marks & EntryMarks.Late) != 0)
            line += "（迟到，待团长确认）";
        else if ((marks & EntryMarks.LateChange) != 0)
            line += "（截止后改单，待团长确认）";
        return line;
    }
}
