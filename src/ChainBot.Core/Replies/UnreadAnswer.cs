using ChainBot.Core.Chains;
using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>
/// Lines of the sender's message the bot could not read: which (quoted, phone numbers already masked) and why, in
/// plain words, so they can fix and send them again. A few are quoted; the rest are counted.
/// </summary>
internal static class UnreadAnswer
{
    /// <summary>The answer to the message's <see cref="LinesUnread"/> events; null when there are none.</summary>
    public static Draft? For(Exchange exchange)
    {
        var unread = exchange.Events.OfType<LinesUnread>().SelectMany(e => e.Lines).ToList();
        if (unread.Count == 0)
            return null;
        var lines = new List<string>
        {
            unread.Count == 1 ? "有一行没看懂，麻烦改一下再发：" : "有" + ReplyFormat.Number(unread.Count) + "行没看懂，麻烦改一下再发：",
        };
        foreach (var line in unread.Take(ReplyDefaults.UnreadLinesQuoted))
            lines.Add("「" + ReplyFormat.Clip(line.Line, ReplyDefaults.QuoteLength) + "」" + Why(line.Reason));
        if (unread.Count > ReplyDefaults.UnreadLinesQuoted)
            lines.Add("等" + ReplyFormat.Number(unread.Count) + "行");
        return Draft.Of(lines, toSender: true);
    }

    /// <summary>An <see cref="UnreadReasons"/> reason in plain words.</summary>
    public static string Why(string reason) => reason switch
    {
        UnreadReasons.NoQuantity => "没写数量",
        UnreadReasons.NoHousehold => "没写楼号房号",
        UnreadReasons.ItemNotNamed => "没写是哪个商品",
        UnreadReasons.ItemNotInCatalogue => "这次团购没有这个商品",
        UnreadReasons.UnitMismatch => "单位和商品对不上",
        UnreadReasons.NotAnEntry => "不是编号的接龙行",
        UnreadReasons.TooLong => "这一行太长",
        _ => "没看懂",
    };
}
