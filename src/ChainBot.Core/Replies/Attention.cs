using ChainBot.Core.Chains;
using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>
/// What in a chain waits for its coordinator (团长), counted by kind: lines flagged by the merger, changes it refused,
/// lines it could not read, messages it could not place.
/// </summary>
/// <param name="Late">Late lines not accepted yet.</param>
/// <param name="LateChanges">Owners' changes after the deadline, not accepted yet.</param>
/// <param name="Missing">Lines the latest full copy left out (still counted).</param>
/// <param name="SecondLines">Lines of households with another active line.</param>
/// <param name="Conflicts">Changes to someone else's line that were not made.</param>
/// <param name="Unread">Lines that could not be read.</param>
/// <param name="Reports">Messages that could not be placed (which chain? whose line?).</param>
/// <param name="FlaggedEntries">Entries with any of the first four flags, each counted once.</param>
internal sealed record Attention(int Late, int LateChanges, int Missing, int SecondLines, int Conflicts, int Unread, int Reports, int FlaggedEntries)
{
    /// <summary>
    /// Everything to look at, each thing once: flagged entries (an entry late and a second line is one line to look
    /// at), refused changes, unread lines and reported messages. A refused change flags its entry too; it is counted
    /// as the change, not again as the entry.
    /// </summary>
    public int Total => FlaggedEntries + Conflicts + Unread + Reports;

    /// <summary>What waits in <paramref name="chain"/>, with <paramref name="reports"/> of the group's reports.</summary>
    public static Attention Of(ChainState chain, int reports)
    {
        int late = 0, lateChanges = 0, missing = 0, secondLines = 0, flagged = 0;
        foreach (var entry in chain.Entries)
        {
            if (entry.Entry.Status == EntryStatus.Cancelled)
                continue; // counted nowhere: nothing to settle
            var marks = chain.MarksOf(entry);
            late += Has(marks, EntryMarks.Late);
            lateChanges += Has(marks, EntryMarks.LateChange);
            missing += Has(marks, EntryMarks.MissingFromLatest);
            secondLines += Has(marks, EntryMarks.SecondLine);
            flagged += Has(marks, EntryMarks.Late | EntryMarks.LateChange | EntryMarks.MissingFromLatest | EntryMarks.SecondLine);
        }
        return new Attention(late, lateChanges, missing, secondLines, chain.Conflicts.Count, chain.Unread.Count, reports, flagged);
    }

    /// <summary>The group's reports made since <paramref name="since"/>: those about the chains being answered for.</summary>
    public static int ReportsSince(GroupState state, DateTimeOffset since) =>
        state.Reports.Count(report => report.Time is not { } time || time >= since);

    /// <summary>
    /// <c>需团长处理3条：</c> and a line per kind (<c>· 迟到待确认 2条（发「接受」计入）</c>), or <c>需团长处理：无</c>.
    /// </summary>
    public IEnumerable<string> Lines()
    {
        if (Total == 0)
        {
            yield return "需团长处理：无";
            yield break;
        }
        yield return "需团长处理" + ReplyFormat.Number(Total) + "条：";
        foreach (var (count, what) in Kinds())
        {
            if (count > 0)
                yield return "· " + what.Replace("{n}", ReplyFormat.Number(count), StringComparison.Ordinal);
        }
    }

    private IEnumerable<(int Count, string What)> Kinds() =>
    [
        (Late, "迟到待确认 {n}条（发「接受」计入）"),
        (LateChanges, "截止后改单待确认 {n}条"),
        (Missing, "最新接龙里漏掉 {n}条（仍计入）"),
        (SecondLines, "同一户两行 {n}条（都计入）"),
        (Conflicts, "改别人的行 {n}次（未生效）"),
        (Unread, "没看懂的行 {n}条"),
        (Reports, "没法归到接龙的消息 {n}条"),
    ];

    private static int Has(EntryMarks marks, EntryMarks any) => (marks & any) != 0 ? 1 : 0;
}
