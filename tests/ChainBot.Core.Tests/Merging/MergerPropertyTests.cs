using System.Globalization;
using ChainBot.Core.Merging;
using ChainBot.Core.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace ChainBot.Core.Tests.Merging;

/// <summary>
/// Properties of the merger over generated group histories: copies of random versions of a chain (forks, dropped
/// and edited lines, second lines), replies, cancellations, chatter and commands, from a handful of residents.
/// </summary>
public class MergerPropertyTests
{
    private const string Header = "#接龙\n4月18日 天山三村 蔬菜套餐团购\n规格：每份约5斤，68元/份\n截止时间：今晚8点\n例：12号 301 张三 2份\n\n";

    private static readonly string[] Households = ["12号301 王阿姨", "15-502 李", "3号楼201 陈先生", "7号1102 周", "8-101 赵", "5-102 王奶奶", "6-301 孙", "9-1201 吴"];

    private static readonly string[] Senders = ["wang", "li", "chen", "zhou", "zhao", "vol", "tuan"];

    private static readonly string[] Chatter = ["收到", "几点到货？", "谢谢团长🙏", "统计", "3号楼", "我的", "截止"];

    private static readonly DateTimeOffset Start = new(2022, 4, 18, 9, 0, 0, TimeSpan.FromHours(8));

    // One generated message: its kind (0–5 a copy, with the header unless 5; 6 a reply; 7 a cancellation; 8 chatter
    // or a command), its sender, the line codes a copy carries, and a number that picks the reply or chatter.
    private sealed record Step(int Kind, int Sender, int[] Lines, int Quantity)
    {
        public override string ToString() => $"{Kind}/{Sender}/[{string.Join(",", Lines)}]/{Quantity}";
    }

    private static Gen<Step> StepGen() =>
        from kind in Gen.Choose(0, 8)
        from sender in Gen.Choose(0, Senders.Length - 1)
        from lines in Gen.Choose(0, Households.Length * 3 - 1).ArrayOf()
        from quantity in Gen.Choose(0, 3)
        select new Step(kind, sender, [.. lines.Take(10)], quantity);

    private static Arbitrary<Step[]> History() => StepGen().ArrayOf().Select(steps => steps.Take(24).ToArray()).ToArbitrary();

    /// <summary>The messages of a history; line code c is household c % 8 in one of three versions (1, 2 or 3 份).</summary>
    private static List<IncomingMessage> Messages(Step[] steps)
    {
        var messages = new List<IncomingMessage>();
        for (int i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            string text = step.Kind switch
            {
                <= 5 => (step.Kind == 5 ? "" : Header) + string.Join("\n", step.Lines.Select((code, n) =>
                    $"{n + 1}. {Households[code % Households.Length]} {code / Households.Length + 1}份")),
                6 => $"{Households[step.Quantity * 2 % Households.Length]} {step.Quantity}份",
                7 => $"{Households[step.Quantity * 2 % Households.Length].Split(' ')[0]} 取消",
                _ => Chatter[step.Quantity * 2 % Chatter.Length],
            };
            messages.Add(new IncomingMessage($"m{i}", "g", Senders[step.Sender], null, Start.AddMinutes(i * 37), text));
        }
        return messages;
    }

    /// <summary>Every chain's entries, conflicts and unread lines, the reports and the ignored messages, as text.</summary>
    private static string Dump(GroupState state) =>
        string.Join("\n---\n", state.Chains.Select(chain => GroupScript.Dump(chain) + "\nconflicts:" + chain.Conflicts.Count + " unread:" + chain.Unread.Count))
        + "\nreports:" + string.Join(",", state.Reports.Select(r => r.MsgId))
        + "\nignored:" + string.Join(",", state.Ignored.Select(r => r.MsgId));

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property No_entry_ever_vanishes() => Prop.ForAll(History(), steps =>
    {
        var state = GroupState.Empty;
        foreach (var message in Messages(steps))
        {
            var next = ChainMerger.Default.Apply(state, message).State;
            for (int c = 0; c < state.Chains.Count; c++)
            {
                var before = state.Chains[c].Entries;
                var after = next.Chains[c].Entries;
                if (after.Count < before.Count || before.Where((entry, i) => after[i].Id != entry.Id).Any())
                    return false.Label($"an entry of chain {c + 1} vanished at {message.MsgId}");
            }
            state = next;
        }
        // Every household any copy named is in some chain, unless its message was reported for the coordinator.
        var reported = state.Reports.Select(r => r.MsgId).ToHashSet();
        var named = Messages(steps).Where(m => !reported.Contains(m.MsgId)).Select(m => ChainBot.Core.Parsing.ChainParser.Default.Parse(m.Text, m.Time))
            .Where(post => post.IsChain).SelectMany(post => post.Entries).Select(e => e.Household).ToHashSet();
        var kept = state.Chains.SelectMany(chain => chain.Entries).Select(e => e.Entry.Household).ToHashSet();
        return named.IsSubsetOf(kept).Label("households named but not kept: " + string.Join(", ", named.Except(kept))
            + "\n" + string.Join("\n", Messages(steps).Select(m => m.Text.Replace("\n", "/", StringComparison.Ordinal))));
    });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Delivering_a_message_twice_is_delivering_it_once() =>
        Prop.ForAll(History(), Gen.Choose(0, 1000).ArrayOf().ToArbitrary(), (steps, repeats) =>
        {
            var messages = Messages(steps);
            var redelivered = new List<IncomingMessage>(messages);
            foreach (int r in repeats.Take(8))
            {
                if (messages.Count > 0)
                {
                    int which = r % messages.Count;
                    // A re-delivery comes after the original, anywhere later.
                    int at = redelivered.IndexOf(messages[which]) + 1 + (r % (redelivered.Count - redelivered.IndexOf(messages[which])));
                    redelivered.Insert(Math.Min(at, redelivered.Count), messages[which]);
                }
            }
            return Dump(ChainMerger.Default.Replay(redelivered)) == Dump(ChainMerger.Default.Replay(messages));
        });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Two_copies_of_one_version_give_the_same_entries_in_either_order() =>
        Prop.ForAll(History(), Gen.Choose(0, Households.Length * 3 - 1).Two().ToArbitrary(), (steps, added) =>
        {
            var history = Messages(steps);
            var version = history.LastOrDefault(m => m.Text.StartsWith('#'))?.Text ?? Header + "1. 12号301 王阿姨 1份";
            var t = Start.AddDays(-1).AddHours(1); // both before the deadline, at the same minute
            int n = version.Split('\n').Length;
            // Each adds a line of a household of its own.
            var a = new IncomingMessage("fork-a", "g", "fork-a", null, t, $"{version}\n{n}. 10-{2000 + added.Item1} 甲{added.Item1} {added.Item2 % 3 + 1}份");
            var b = new IncomingMessage("fork-b", "g", "fork-b", null, t, $"{version}\n{n}. 10-{1000 + added.Item2} 乙{added.Item2} 1份");
            // The version both copy was posted (the last copy of the history, or posted now).
            var prefix = history.Select(m => m with { Time = t.AddHours(-2) }).ToList();
            if (!history.Any(m => m.Text == version))
                prefix.Add(new IncomingMessage("version", "g", "tuan", null, t.AddHours(-1), version));

            string ab = Sorted(ChainMerger.Default.Replay([.. prefix, a, b]));
            string ba = Sorted(ChainMerger.Default.Replay([.. prefix, b, a]));
            return (ab == ba).Label($"a then b:\n{ab}\nb then a:\n{ba}");
        });

    /// <summary>The chains' entries without their ids (the order two copies arrive in numbers them), sorted.</summary>
    private static string Sorted(GroupState state) => string.Join("\n---\n", state.Chains.Select(chain =>
        string.Join("\n", GroupScript.Dump(chain).Split('\n').Select(line => line[(line.IndexOf('|', StringComparison.Ordinal) + 1)..]).Order(StringComparer.Ordinal))));

    [Test]
    public void The_generated_histories_hold_forks_drops_edits_and_replies()
    {
        // The properties mean something only if the histories reach those cases: one fixed history that does.
        var steps = new Step[]
        {
            new(0, 0, [0], 0), new(0, 1, [0, 1], 0), new(0, 2, [0, 2], 0), new(0, 3, [0, 2, 3], 0),
            new(0, 1, [0, 9, 2, 3], 0), new(0, 5, [0, 9, 3, 5], 0), new(6, 4, [], 2), new(7, 4, [], 2), new(8, 5, [], 1),
        };
        var state = ChainMerger.Default.Replay(Messages(steps));
        string dump = Dump(state);

        // li's fork and chen's, zhou's copy of chen's, li's own edit (1份 → 2份), vol's copy dropping chen's line,
        // zhao's reply and cancellation, chatter.
        Assert.That(dump, Is.EqualTo("""
            1|12-301|王阿姨|蔬菜套餐=1份|active|wang|
            2|15-502|李|蔬菜套餐=2份|active|li|
            3|3-201|陈先生|蔬菜套餐=1份|active|chen|missing-from-latest
            4|7-1102|周|蔬菜套餐=1份|active|zhou|
            5|5-102|王奶奶|蔬菜套餐=1份|active|vol|
            6|8-101|赵|蔬菜套餐=2份|cancelled|zhao|
            conflicts:0 unread:0
            reports:
            ignored:m8
            """));
    }
}
