using System.Globalization;
using ChainBot.Cli.Input;
using ChainBot.Core.Merging;

namespace ChainBot.Cli.Output;

// The reports on merged chains: `replay` (every entry with who added and changed it and what to look at, the tally,
// the conflicts, the unread lines, then the group's reported and ignored messages) and `tally` of a transcript (the
// tally of each merged chain). Masked as the post reports are: names and free text pass through `Masked`, and
// ChainEntry.Phone is never read.
internal sealed partial class HumanChainWriter
{
    private int _mergedChains;

    /// <summary>The <c>replay</c> report of one group: each chain in full, then what the merger set aside.</summary>
    public void WriteReplay(ReplayedGroup group, string path)
    {
        ArgumentNullException.ThrowIfNull(group);
        foreach (var chain in group.State.Chains)
        {
            WriteMergedHeader(chain, group, path);
            WriteMergedEntries(chain);
            WriteTallyTable(chain.Kind, chain.Tally());
            WriteConflicts(chain);
            WriteUnread(chain.Unread);
        }
        WriteReports(group);
        WriteIgnored(group);
        renderer.Flush();
    }

    /// <summary>The <c>tally</c> report of a merged chain: header, the totals of the entries that count, unread lines.</summary>
    public void WriteMergedTally(ChainState chain, ReplayedGroup group, string path)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(group);
        WriteMergedHeader(chain, group, path);
        WriteTallyTable(chain.Kind, chain.Tally());
        WriteUnread(chain.Unread);
        renderer.Flush();
    }

    private void WriteMergedHeader(ChainState chain, ReplayedGroup group, string path)
    {
        // Chains follow one another: a blank line before each but the first keeps the title at the top of the output.
        if (_mergedChains++ > 0)
            renderer.Line(string.Empty);
        string closed = chain.ClosedBy is { } by ? $"closed by {PersonText(by)} at {TimeText(by.Time)}" : "open";
        WriteHeader(chain.Header, chain.Kind,
            $"Source: {path}{GroupText(group)}, chain {chain.ChainId}, opened by {PersonText(chain.OpenedBy)} at {TimeText(chain.OpenedBy.Time)}, {closed}{PickupText(chain)}");
    }

    /// <summary><c>, delivered by … at …, 4 households collected, 8 to collect</c>; empty before any 到货 or pickup.</summary>
    private static string PickupText(ChainState chain)
    {
        if (chain.Delivered is null && chain.PickedUp.IsEmpty)
            return string.Empty;
        string delivered = chain.Delivered is { } by ? $", delivered by {PersonText(by)} at {TimeText(by.Time)}" : ", not delivered";
        int waiting = chain.Uncollected().Length;
        int collected = chain.PickedUp.Count;
        return delivered + $", {collected.ToString(CultureInfo.InvariantCulture)} households collected, {waiting.ToString(CultureInfo.InvariantCulture)} to collect";
    }

    private void WriteMergedEntries(ChainState chain)
    {
        var entries = new ReportTable(
            $"Entries ({chain.Entries.Count})",
            ["Id", "Address", "Name", "Items", "Status", "Note", "Added by", "Changed by", "Flags"],
            new HashSet<int> { 0 });
        foreach (var merged in chain.Entries)
        {
            var entry = merged.Entry;
            entries.Add(
                merged.Id.ToString(CultureInfo.InvariantCulture),
                Masked(AddressText(entry.Address)),
                Masked(entry.Name),
                ItemsText(entry.Items),
                StatusText(entry),
                Masked(entry.Note),
                ProvenanceText(merged.Added),
                merged.Changed is { } changed ? ProvenanceText(changed) : string.Empty,
                string.Join(", ", EntryMarkNames.Of(chain.MarksOf(merged))));
        }
        WriteTableOrNone(entries, "Entries: none");
    }

    private void WriteConflicts(ChainState chain)
    {
        var conflicts = new ReportTable($"Conflicts ({chain.Conflicts.Count})", ["Entry", "By", "At", "Line", "Reason"], new HashSet<int> { 0 });
        foreach (var conflict in chain.Conflicts)
        {
            conflicts.Add(
                conflict.EntryId.ToString(CultureInfo.InvariantCulture),
                PersonText(conflict.By),
                TimeText(conflict.By.Time),
                Masked(conflict.Line),
                conflict.Reason);
        }
        WriteTableOrNone(conflicts, "Conflicts: none");
    }

    private void WriteReports(ReplayedGroup group)
    {
        var reports = group.State.Reports;
        var table = new ReportTable($"Reported messages{GroupText(group)} ({reports.Count})", ["Message", "Sender", "Reason", "Text"], new HashSet<int>());
        foreach (var report in reports)
            table.Add(report.MsgId, Masked(report.SenderId), report.Reason, Masked(report.Text));
        WriteTableOrNone(table, $"Reported messages{GroupText(group)}: none");
    }

    private void WriteIgnored(ReplayedGroup group)
    {
        var ignored = group.State.Ignored;
        string kinds = string.Join(", ", ignored
            .GroupBy(static message => message.Kind, StringComparer.Ordinal)
            .Select(static kind => $"{kind.Count().ToString(CultureInfo.InvariantCulture)} {kind.Key}"));
        renderer.Line(string.Empty);
        renderer.Line(ignored.IsEmpty
            ? $"Ignored messages{GroupText(group)}: none"
            : $"Ignored messages{GroupText(group)}: {ignored.Count.ToString(CultureInfo.InvariantCulture)} ({kinds})");
    }

    /// <summary>", group g1", or nothing for messages that name no group.</summary>
    private static string GroupText(ReplayedGroup group) => group.GroupId is { } id ? $", group {Masked(id)}" : string.Empty;

    /// <summary>Who did it as the group knows them: their display name, or their id when the channel gave none.</summary>
    private static string PersonText(Provenance who) => Masked(who.SenderName ?? who.SenderId);

    /// <summary>Who and when, short enough for a table cell: 王阿姨 04-18 08:05.</summary>
    private static string ProvenanceText(Provenance who) =>
        $"{PersonText(who)} {who.Time.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)}";
}
