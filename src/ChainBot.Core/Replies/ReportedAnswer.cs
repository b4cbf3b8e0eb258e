using ChainBot.Core.Chains;
using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>
/// A message the merger could not place: ask the sender for what is missing — which chain (listing the open ones
/// and what they sell), or which line (楼号房号) — rather than guess.
/// </summary>
internal static class ReportedAnswer
{
    /// <summary>The answer to the message's <see cref="MessageReported"/> event; null when there is none.</summary>
    public static Draft? For(Exchange exchange)
    {
        if (exchange.First<MessageReported>() is not { } reported)
            return null;
        return reported.Reason switch
        {
            ReportReasons.WhoseLine => WhoseLine(exchange),
            ReportReasons.NoChain => WhichChain(exchange, "这段接龙没有标题，不知道是哪个接龙的，请复制带标题的完整接龙再发："),
            _ => WhichChain(exchange, "这条不知道是哪个接龙的，请写上商品名再发一次："),
        };
    }

    /// <summary>A reply with no household: the sender has no line to change, or several.</summary>
    private static Draft WhoseLine(Exchange exchange)
    {
        int own = exchange.State.Chains
            .Where(chain => chain.IsOpenAt(exchange.Message.Time))
            .Sum(chain => chain.Entries.Count(e => e.Owner == exchange.Sender && e.Entry.Status == EntryStatus.Active));
        string text = own > 1
            ? "你登记了不止一行，不知道要改哪一行，请写上楼号房号，例如：12号301 改2份"
            : "没找到你的登记，请写上楼号房号和数量，例如：" + Phrases.LineExample;
        return Draft.Line(text, toSender: true);
    }

    /// <summary>Several chains open: the question, then each open chain with what it sells.</summary>
    private static Draft WhichChain(Exchange exchange, string question)
    {
        var lines = new List<string> { question };
        foreach (var chain in exchange.State.Chains.Where(chain => chain.IsOpenAt(exchange.Message.Time)))
        {
            string items = chain.Header.Catalogue.IsDefaultOrEmpty ? string.Empty : "：" + string.Join("、", chain.Header.Catalogue.Select(item => item.Name).Distinct());
            lines.Add(ReplyFormat.Title(chain) + items);
        }
        return Draft.Of(lines, toSender: true);
    }
}
