using ChainBot.Core.Chains;
using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>An entry's status and flags in plain words, for the resident whose line it is.</summary>
internal static class EntryWords
{
    /// <summary><c>有效</c>, <c>已取消</c>, <c>迟到，待团长确认</c>, …, joined by <c>；</c>.</summary>
    public static string Status(ChainState chain, MergedEntry entry, bool namedItems)
    {
        if (entry.Entry.Status == EntryStatus.Cancelled)
            return "已取消";
        var marks = chain.MarksOf(entry);
        var words = new List<string>();
        if ((marks & EntryMarks.Late) != 0)
            words.Add("迟到，待团长确认");
        if ((marks & EntryMarks.AcceptedLate) != 0)
            words.Add("迟到，团长已接受");
        if (entry.LateChange is { } change)
            words.Add(change.Status == EntryStatus.Cancelled
                ? "截止后要取消，待团长确认"
                : "截止后改为 " + ReplyFormat.Items(change.Items, namedItems) + "，待团长确认");
        if ((marks & EntryMarks.SecondLine) != 0)
            words.Add("同一户还有另一行，都计入，待团长核对");
        if ((marks & EntryMarks.MissingFromLatest) != 0)
            words.Add("最新的接龙里漏了这一行，仍然计入");
        if ((marks & EntryMarks.Conflict) != 0)
            words.Add("别人改过这一行，没有生效，按你写的算");
        return words.Count == 0 ? "有效" : string.Join("；", words);
    }
}
