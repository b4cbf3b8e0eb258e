using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>
/// Changes the sender made to other people's lines, which the merger did not make: say whose lines (by address,
/// never by name) and that the change was kept for the coordinator — most are a neighbour helping, not a mistake.
/// </summary>
internal static class RefusedAnswer
{
    /// <summary>The answer to the message's <see cref="ChangeRefused"/> events; null when there are none.</summary>
    public static Draft? For(Exchange exchange)
    {
        var refused = exchange.Events.OfType<ChangeRefused>().DistinctBy(e => (e.Chain, e.EntryId)).ToList();
        if (refused.Count == 0)
            return null;
        var households = refused
            .Select(e => exchange.Chain(e.Chain) is { } chain && e.EntryId >= 1 && e.EntryId <= chain.Entries.Count
                ? ReplyFormat.Household(chain.Entry(e.EntryId).Entry)
                : null)
            .OfType<string>()
            .Distinct()
            .ToList();
        string which = households.Count == 0 ? "这一行" : string.Join("、", households) + (households.Count == 1 ? " 这一行" : " 这几行");
        string change = refused.All(e => e.Reason == ConflictReasons.CancelledByOther) ? "取消" : "修改";
        return Draft.Line(which + "是别人登记的，你的" + change + "先没有生效，已记下来请团长确认。", toSender: true);
    }
}
