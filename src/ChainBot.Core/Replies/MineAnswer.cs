using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>
/// <c>我的</c>: the sender's own lines in each current chain as the bot understood them — address, name, items,
/// note, status — and the lines they added for neighbours (代登记), labelled. Their own lines, so names are shown.
/// </summary>
internal static class MineAnswer
{
    /// <summary>The answer to <c>我的</c>, for the sender.</summary>
    public static Draft For(Exchange exchange, CommandReceived command)
    {
        var current = CurrentChains.Of(exchange, command.Chain);
        if (current.Shown.Count == 0)
            return Draft.Line(Phrases.NoChain, toSender: true);
        var lines = new List<string>();
        foreach (var chain in current.Shown)
        {
            var mine = chain.Entries.Where(entry => IsMine(entry, exchange.Sender)).ToList();
            if (mine.Count == 0)
                continue;
            if (lines.Count > 0)
                lines.Add(string.Empty);
            lines.Add(ReplyFormat.Title(chain) + "你的登记：");
            bool named = ReplyFormat.NamesItems(chain);
            foreach (var entry in mine)
                lines.Add(Line(chain, entry, exchange.Sender, named));
        }
        if (lines.Count == 0)
            return Draft.Line(Nothing(current), toSender: true);
        return Draft.Of(lines, toSender: true);
    }

    /// <summary>The sender's line, or one they added for a neighbour (it belongs to the household, and to nobody's id).</summary>
    private static bool IsMine(MergedEntry entry, string sender) =>
        entry.Owner == sender || (entry.Owner is null && entry.Added.SenderId == sender);

    /// <summary><c>15号楼502 李 3份（放门口就行）：有效</c>; <c>代登记 …</c> for a neighbour's.</summary>
    private static string Line(ChainState chain, MergedEntry entry, string sender, bool named)
    {
        var e = entry.Entry;
        var parts = new List<string>(4);
        if (entry.Owner != sender)
            parts.Add("代登记");
        string address = ReplyFormat.Address(e.Address);
        if (address.Length > 0)
            parts.Add(address);
        if (!string.IsNullOrWhiteSpace(e.Name))
            parts.Add(e.Name);
        if (!e.Items.IsEmpty && e.Status == Chains.EntryStatus.Active)
            parts.Add(ReplyFormat.Items(e.Items, named));
        string line = string.Join(' ', parts);
        if (!string.IsNullOrWhiteSpace(e.Note))
            line += "（" + ReplyFormat.Clip(e.Note, ReplyDefaults.QuoteLength) + "）";
        return line + "：" + EntryWords.Status(chain, entry, named);
    }

    /// <summary>No line of the sender's: say where none was found, and how a line is written.</summary>
    private static string Nothing(CurrentChains current)
    {
        string where = current.Shown.Count == 1 ? ReplyFormat.Title(current.Shown[0]) + "里" : "现在的接龙里";
        return where + "还没有你的登记。接龙请写楼号房号和数量，例如：" + Phrases.LineExample;
    }
}
