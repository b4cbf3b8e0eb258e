using System.Collections.Immutable;
using ChainBot.Core.Chains;

namespace ChainBot.Core.Parsing;

/// <summary>
/// Reads 接龙 text into a <see cref="ChainPost"/>. Immutable and thread-safe; build one with
/// <see cref="ChainParserBuilder"/>, or use <see cref="Default"/>.
/// </summary>
public sealed class ChainParser
{
    /// <summary>A parser with the default settings (Asia/Shanghai, built-in lexicon).</summary>
    public static ChainParser Default { get; } = new ChainParserBuilder().Build();

    internal ChainParser(TimeZoneInfo timeZone, int maxLineLength)
    {
        TimeZone = timeZone;
        MaxLineLength = maxLineLength;
    }

    /// <summary>The time zone relative deadlines are read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Lines longer than this are reported unread.</summary>
    public int MaxLineLength { get; }

    /// <summary>Reads one message. Never throws on user text.</summary>
    public ChainPost Parse(string text, DateTimeOffset? messageTime = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new PostReader(text, messageTime ?? DateTimeOffset.Now, TimeZone, MaxLineLength).Read();
    }
}
