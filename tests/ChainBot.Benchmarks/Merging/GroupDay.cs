using System.Collections.Immutable;
using ChainBot.Core.Messages;

namespace ChainBot.Benchmarks.Merging;

/// <summary>What a message of a generated day is meant to do, for checking that the merger read it so.</summary>
public enum DayIntent
{
    /// <summary>A chain's first post: its header and entry 1.</summary>
    Opens,

    /// <summary>A full copy of a chain (header and every line so far) with one new line at the end.</summary>
    Copies,

    /// <summary>A resident changes their own line in the main chain (15-502 李 2份, 改2份, B2).</summary>
    Changes,

    /// <summary>A resident cancels their own line in the main chain (12-301 取消).</summary>
    Cancels,

    /// <summary>A command to the bot (统计, 3号楼, 我的).</summary>
    Command,

    /// <summary>Chatter: 收到, 几点到货？, emoji, the coordinator's notices.</summary>
    Chatter,
}

/// <summary>One message of a generated day and what it is meant to do.</summary>
/// <param name="Message">The message.</param>
/// <param name="Intent">What it is meant to do.</param>
/// <param name="Chain">The index in <see cref="GroupDay.Chains"/> of the chain it copies or replies to; -1 for none.</param>
public sealed record DayMessage(IncomingMessage Message, DayIntent Intent, int Chain)
{
    /// <summary>Lines of text in the message (a final newline ends the last line, it does not start another).</summary>
    public int Lines { get; } = GroupDay.CountLines(Message.Text);
}

/// <summary>One chain of a generated day, as the generator meant it.</summary>
/// <param name="Name">A short name for reports.</param>
/// <param name="Entries">The entries it ends with: one per post (the first, then each copy adds one).</param>
public sealed record DayChain(string Name, int Entries);

/// <summary>A generated group day: its messages in time order and the chains they grow.</summary>
/// <param name="Messages">The messages, in the order sent (times strictly increasing).</param>
/// <param name="Chains">The chains; index 0 is the main chain.</param>
public sealed record GroupDay(ImmutableArray<DayMessage> Messages, ImmutableArray<DayChain> Chains)
{
    /// <summary>The index of the main chain in <see cref="Chains"/>.</summary>
    public const int MainChain = 0;

    /// <summary>The messages as the merger takes them.</summary>
    public IncomingMessage[] Incoming() => [.. Messages.Select(m => m.Message)];

    /// <summary>The posts (first post and copies) of one chain, in order.</summary>
    public IEnumerable<DayMessage> Posts(int chain) =>
        Messages.Where(m => m.Chain == chain && m.Intent is DayIntent.Opens or DayIntent.Copies);

    /// <summary>The posts of one chain as the merger takes them.</summary>
    public IncomingMessage[] PostsOf(int chain) => [.. Posts(chain).Select(m => m.Message)];

    /// <summary>Lines of text in every message of the day.</summary>
    public long Lines => LinesIn(Messages);

    /// <summary>Lines of text in <paramref name="messages"/>.</summary>
    public static long LinesIn(IEnumerable<DayMessage> messages) => messages.Sum(m => (long)m.Lines);

    /// <summary>UTF-8 bytes of the text of <paramref name="messages"/>.</summary>
    public static long Utf8BytesIn(IEnumerable<DayMessage> messages) =>
        messages.Sum(m => (long)System.Text.Encoding.UTF8.GetByteCount(m.Message.Text));

    internal static int CountLines(string text)
    {
        if (text.Length == 0)
            return 0;
        int lines = text.AsSpan().Count('\n');
        return text[^1] == '\n' ? lines : lines + 1;
    }
}
