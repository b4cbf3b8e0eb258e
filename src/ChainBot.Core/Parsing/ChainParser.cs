using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Parsing.Lines;
using ChainBot.Core.Segmentation;

namespace ChainBot.Core.Parsing;

/// <summary>
/// Reads 接龙 text into a <see cref="ChainPost"/>. Immutable and thread-safe; build one with
/// <see cref="ChainParserBuilder"/>, or use <see cref="Default"/>.
/// </summary>
public sealed class ChainParser
{
    /// <summary>A parser with the default settings (Asia/Shanghai, built-in lexicon).</summary>
    public static ChainParser Default { get; } = new ChainParserBuilder().Build();

    internal ChainParser(TimeZoneInfo timeZone, int maxLineLength, WordDictionary dictionary)
    {
        TimeZone = timeZone;
        MaxLineLength = maxLineLength;
        Dictionary = dictionary;
    }

    /// <summary>
    /// The dictionary entries are read with: the built-in domain lexicon, and any dictionary configured over it.
    /// A chain's catalogue is added to it for that chain.
    /// </summary>
    public WordDictionary Dictionary { get; }

    /// <summary>The time zone relative deadlines are read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Lines longer than this are reported unread.</summary>
    public int MaxLineLength { get; }

    /// <summary>Reads one message. Never throws on user text.</summary>
    public ChainPost Parse(string text, DateTimeOffset? messageTime = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new PostReader(SourceLines.Of(text), messageTime ?? DateTimeOffset.Now, TimeZone, MaxLineLength, Dictionary);
        return reader.ReadAll();
    }

    /// <summary>
    /// Reads a message that answers a chain rather than copying it — a resident's own line (15-502 李 2份), a change
    /// or a cancellation (12-301 取消, 改成2份), a volunteer's lines for neighbours (代登记：…) — as entries of the chain
    /// whose header is <paramref name="chain"/>. Every line is read as an entry, numbered or not; an entry that names
    /// no household comes back with an empty address and no name, for the caller to attribute to the sender.
    /// Never throws on user text.
    /// </summary>
    public ChainPost ParseReply(string text, ChainHeader chain)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(chain);
        using var reader = new PostReader(SourceLines.Of(text), chain, replying: true, MaxLineLength, Dictionary);
        return reader.ReadAll();
    }

    /// <summary>
    /// Reads the entries of a post under a header it does not carry: a copy of a chain that lost its header (people
    /// copy only the list), read with the chain's catalogue. Never throws on user text.
    /// </summary>
    public ChainPost ParseUnder(string text, ChainHeader chain)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(chain);
        using var reader = new PostReader(SourceLines.Of(text), chain, replying: false, MaxLineLength, Dictionary);
        return reader.ReadAll();
    }

    /// <summary>
    /// Opens a post to read as a stream, for chains too large to hold twice: the header is read up to the first
    /// entry, then entries are read one at a time as they are enumerated. Never throws on user text.
    /// </summary>
    /// <param name="reader">The post's text; it is read once, line by line, and not disposed here.</param>
    /// <param name="messageTime">When the message was sent. Default: now.</param>
    public ChainReader Open(TextReader reader, DateTimeOffset? messageTime = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ChainReader(new PostReader(SourceLines.Of(reader), messageTime ?? DateTimeOffset.Now, TimeZone, MaxLineLength, Dictionary));
    }
}
