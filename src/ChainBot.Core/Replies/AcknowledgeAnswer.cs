using ChainBot.Core.Chains;
using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>
/// Where the group asked for it, a line per entry the message added or changed: <c>已登记 3号楼201 1份</c>,
/// <c>已修改 15号楼502 3份</c>, <c>已取消 12号楼301</c>; by address, never by name. A long block is counted after a few.
/// </summary>
internal static class AcknowledgeAnswer
{
    /// <summary>The acknowledgement of the message's new and changed entries; null when off or there are none.</summary>
    public static Draft? For(Exchange exchange)
    {
        if (!exchange.Context.AcknowledgeEntries)
            return null;
        var touched = exchange.Events
            .Select(e => e switch
            {
                EntryAdded added => (added.Chain, added.EntryId, New: true),
                EntryChanged changed => (changed.Chain, changed.EntryId, New: false),
                _ => (Chain: 0, EntryId: 0, New: false),
            })
            .Where(e => e.Chain > 0)
            .DistinctBy(e => (e.Chain, e.EntryId))
            .ToList();
        if (touched.Count == 0)
            return null;
        var lines = new List<string>();
        foreach (var (number, id, isNew) in touched.Take(ReplyDefaults.EntriesAcknowledged))
        {
            if (exchange.Chain(number) is { } chain && id >= 1 && id <= chain.Entries.Count)
                lines.Add(Line(chain, chain.Entry(id), isNew, exchange.Message.MsgId));
        }
        if (touched.Count > ReplyDefaults.EntriesAcknowledged)
            lines.Add("等" + ReplyFormat.Number(touched.Count) + "条");
        return lines.Count == 0 ? null : Draft.Of(lines);
    }

    private static string Line(ChainState chain, MergedEntry entry, bool isNew, string msgId)
    {
        string who = ReplyFormat.Household(entry.Entry);
        string items = ReplyFormat.Items(entry.Entry.Items, ReplyFormat.NamesItems(chain));
        if (!isNew && entry.LateChangeBy?.MsgId == msgId)
            return "已收到 " + who + " 的修改（已过截止时间，待团长确认）";
        if (entry.Entry.Status == EntryStatus.Cancelled)
            return "已取消 " + who;
        string line = (isNew ? "已登记 " : "已修改 ") + who + (items.Length > 0 ? " " + items : string.Empty);
        if (entry.Late && !entry.Accepted)
            line += "（已过截止时间，待团长确认）";
        return line;
    }
}
