using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ChainBot.Core.Chains;
using ChainBot.Core.Merging;
using ChainBot.Core.Messages;

namespace ChainBot.Benchmarks.Merging;

/// <summary>
/// Replays a generated day message by message (<see cref="ChainMerger.Apply"/>) and compares what the merger did
/// with what each message was meant to do: every chain's final entry count, and for each kind of message what became
/// of it, with an example of every outcome that was not meant.
/// </summary>
public sealed class GroupDayCheck
{
    private GroupDayCheck(GroupDay day, GroupState state, ImmutableArray<int> entries, IReadOnlyList<string> report)
    {
        Day = day;
        State = state;
        Entries = entries;
        Report = report;
    }

    /// <summary>The day checked.</summary>
    public GroupDay Day { get; }

    /// <summary>The group's state after the day.</summary>
    public GroupState State { get; }

    /// <summary>For each of the day's chains, the entries the merger ended with; -1 when it never opened it.</summary>
    public ImmutableArray<int> Entries { get; }

    /// <summary>What the check found, a line each, for printing.</summary>
    public IReadOnlyList<string> Report { get; }

    /// <summary>Replays <paramref name="messages"/> (default: the day's own; else, say, the day read back from a transcript).</summary>
    public static GroupDayCheck Run(GroupDay day, IReadOnlyList<IncomingMessage>? messages = null)
    {
        ArgumentNullException.ThrowIfNull(day);
        messages ??= day.Incoming();
        if (messages.Count != day.Messages.Length)
            throw new ArgumentException($"{messages.Count} messages for a day of {day.Messages.Length}", nameof(messages));

        var merger = ChainMerger.Default;
        var state = GroupState.Empty;
        var chainOf = new Dictionary<int, int>(); // chain number → index in day.Chains
        var outcomes = new Dictionary<(DayIntent Intent, int Chain, string Outcome), (int Count, DayMessage Example)>();
        for (int i = 0; i < messages.Count; i++)
        {
            var planned = day.Messages[i];
            var result = merger.Apply(state, messages[i]);
            state = result.State;
            foreach (var opened in result.Events.OfType<ChainOpened>())
            {
                if (planned.Intent == DayIntent.Opens)
                    chainOf.TryAdd(opened.Chain, planned.Chain);
            }
            string outcome = Describe(result.Events, number => chainOf.TryGetValue(number, out int c) ? day.Chains[c].Name : $"chain #{number} (unplanned)");
            var key = (planned.Intent, planned.Chain, outcome);
            outcomes[key] = outcomes.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.Example) : (1, planned);
        }

        var entries = day.Chains.Select(_ => -1).ToArray();
        foreach (var (number, c) in chainOf)
            entries[c] = state.Chain(number).Entries.Count;

        var report = new List<string> { "Chain                        intended  replayed" };
        for (int c = 0; c < day.Chains.Length; c++)
        {
            string mark = entries[c] == day.Chains[c].Entries ? "" : "   DIFFERS";
            report.Add(string.Create(CultureInfo.InvariantCulture, $"{day.Chains[c].Name,-28} {day.Chains[c].Entries,8}  {entries[c],8}{mark}"));
        }
        foreach (var chain in state.Chains.Where(chain => !chainOf.ContainsKey(chain.Number)))
            report.Add(string.Create(CultureInfo.InvariantCulture, $"{"chain #" + chain.ChainId + " (unplanned)",-28} {0,8}  {chain.Entries.Count,8}   DIFFERS"));
        if (chainOf.Keys.FirstOrDefault(n => chainOf[n] == GroupDay.MainChain) is > 0 and var main)
        {
            int cancelled = state.Chain(main).Entries.Count(e => e.Entry.Status == EntryStatus.Cancelled);
            report.Add(string.Create(CultureInfo.InvariantCulture, $"Main chain: {cancelled} entries cancelled, {state.Chain(main).Tally().Total.Households} households counted"));
        }

        report.Add("");
        report.Add("Messages by what they were meant to do, and what the merger did with them:");
        foreach (var ((intent, chain, outcome), (count, example)) in outcomes.OrderBy(o => o.Key.Intent).ThenBy(o => o.Key.Chain).ThenByDescending(o => o.Value.Count))
        {
            string meant = intent + (chain >= 0 ? " " + day.Chains[chain].Name : "");
            string line = string.Create(CultureInfo.InvariantCulture, $"  {meant,-30} {count,5} × {outcome}");
            if (!Expected(intent, chain, outcome, day))
                line += string.Create(CultureInfo.InvariantCulture, $"   UNMEANT, e.g. {example.Message.MsgId} {example.Message.Time:HH:mm:ss} {Quote(example.Message.Text)}");
            report.Add(line);
        }
        return new GroupDayCheck(day, state, [.. entries], report);
    }

    /// <summary>Throws when the main chain does not end with the entries the generator meant it to.</summary>
    public void ThrowIfMainChainDiffers()
    {
        int meant = Day.Chains[GroupDay.MainChain].Entries;
        if (Entries[GroupDay.MainChain] != meant)
            throw new InvalidOperationException($"The replayed main chain has {Entries[GroupDay.MainChain]} entries, not {meant}:\n{string.Join('\n', Report)}");
    }

    /// <summary>The events of one message, summed up: "opens X; adds 1 to X", "changes X", "ignored (chatter)".</summary>
    private static string Describe(ImmutableArray<MergeEvent> events, Func<int, string> name)
    {
        var parts = new List<string>();
        parts.AddRange(events.OfType<ChainOpened>().Select(e => "opens " + name(e.Chain)));
        parts.AddRange(events.OfType<EntryAdded>().GroupBy(e => e.Chain).Select(g => $"adds {g.Count()} to {name(g.Key)}"));
        parts.AddRange(events.OfType<EntryChanged>().GroupBy(e => e.Chain).Select(g => $"changes {g.Count()} in {name(g.Key)}"));
        parts.AddRange(events.OfType<ChangeRefused>().Select(e => $"refused in {name(e.Chain)} ({e.Reason})"));
        parts.AddRange(events.OfType<LinesUnread>().Select(e => $"{e.Lines.Length} lines unread in {name(e.Chain)} ({string.Join(", ", e.Lines.Select(l => l.Reason).Distinct())})"));
        parts.AddRange(events.OfType<MessageReported>().Select(e => $"reported ({e.Reason})"));
        parts.AddRange(events.OfType<MessageIgnored>().Select(e => $"ignored ({e.Why})"));
        parts.AddRange(events.OfType<CommandReceived>().Select(e => $"command {e.Command.Kind}"));
        return parts.Count == 0 ? "nothing" : string.Join("; ", parts);
    }

    private static bool Expected(DayIntent intent, int chain, string outcome, GroupDay day)
    {
        string name = chain >= 0 ? day.Chains[chain].Name : "";
        return intent switch
        {
            DayIntent.Opens => outcome == $"opens {name}; adds 1 to {name}",
            DayIntent.Copies => outcome == $"adds 1 to {name}",
            DayIntent.Changes or DayIntent.Cancels => outcome == $"changes 1 in {name}",
            DayIntent.Command => outcome.StartsWith("command ", StringComparison.Ordinal),
            _ => outcome == "ignored (chatter)",
        };
    }

    private static string Quote(string text)
    {
        var oneLine = new StringBuilder("\"");
        oneLine.Append(text.Length > 70 ? "…" + text[^70..] : text);
        return oneLine.Replace("\n", "⏎").Append('"').ToString();
    }
}
