using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ChainBot.Core.Text;

namespace ChainBot.Core.Segmentation;

/// <summary>
/// Reads jieba's dictionary format into a <see cref="PrefixTrieBuilder"/>: one entry a line, <c>word freq tag</c>,
/// where freq and tag may be left out as jieba's <c>load_userdict</c> allows (<c>word</c>, <c>word freq</c>,
/// <c>word tag</c>). Fields are separated by spaces or tabs; blank lines are skipped; a leading BOM is ignored.
/// </summary>
/// <remarks>
/// Anything else is an error with the source and line number: a frequency that is not a non-negative integer
/// (<c>大米 abc n</c>), more than three fields. Errors are never skipped, because a dictionary that silently lost
/// lines cuts text differently and nobody would know why.
/// </remarks>
internal static class DictionaryReader
{
    /// <summary>A UTF-8 decoder that throws on invalid bytes instead of inserting U+FFFD.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A word listed without a frequency; it gets a suggested one once the rest is loaded.</summary>
    /// <param name="Word">The word.</param>
    /// <param name="Tag">Its tag, or null.</param>
    public readonly record struct PendingWord(string Word, string? Tag);

    /// <summary>
    /// A guess at the trie nodes <paramref name="reader"/>'s dictionary makes, so the builder is sized once:
    /// jieba's dict.txt has one node per 10 bytes of file. 0 when the size cannot be known; capped so that a
    /// huge file grows the builder as it goes rather than reserving gigabytes up front.
    /// </summary>
    public static int EstimateNodes(TextReader reader)
        => reader is StreamReader { BaseStream.CanSeek: true } stream
            ? (int)Math.Min(stream.BaseStream.Length / 10, 1 << 23)
            : 0;

    /// <summary>
    /// Reads <paramref name="reader"/> to the end into <paramref name="builder"/>, one line at a time through a
    /// pooled buffer (a 5 MB dict.txt never becomes one 10 MB string); lines without a frequency go to
    /// <paramref name="pending"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per load: skip tier-0 code for the 349k-line loop
    public static void Read(TextReader reader, string sourceName, PrefixTrieBuilder builder, List<PendingWord> pending)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(1 << 16);
        int lineNumber = 0;
        try
        {
            int filled = 0;
            bool first = true;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // A line longer than the buffer: grow rather than split it.
                    char[] larger = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
                    Array.Copy(buffer, larger, filled);
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = ReadChunk(reader, buffer, filled, sourceName, lineNumber + 1);
                var text = new ReadOnlySpan<char>(buffer, 0, filled + read);
                int consumed = 0;
                if (first && !text.IsEmpty)
                {
                    first = false;
                    if (text[0] == '\uFEFF')
                        consumed = 1;
                }

                int newline;
                while ((newline = text[consumed..].IndexOf('\n')) >= 0)
                {
                    ReadLine(text.Slice(consumed, newline), sourceName, ++lineNumber, builder, pending);
                    consumed += newline + 1;
                }

                if (read == 0)
                {
                    if (consumed < text.Length)
                        ReadLine(text[consumed..], sourceName, ++lineNumber, builder, pending);
                    return;
                }

                filled = text.Length - consumed;
                text[consumed..].CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static int ReadChunk(TextReader reader, char[] buffer, int offset, string sourceName, int lineNumber)
    {
        try
        {
            return reader.Read(buffer, offset, buffer.Length - offset);
        }
        catch (DecoderFallbackException e)
        {
            throw new DictionaryFormatException($"Dictionary {sourceName} is not valid UTF-8 (near line {lineNumber}).", e);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadLine(ReadOnlySpan<char> raw, string sourceName, int lineNumber, PrefixTrieBuilder builder, List<PendingWord> pending)
    {
        var line = raw.Trim();
        if (line.IsEmpty)
            return;

        Span<Range> fields = stackalloc Range[4];
        int count = line.SplitAny(fields, " \t", StringSplitOptions.RemoveEmptyEntries);
        if (count > 3)
            throw Error(sourceName, lineNumber, raw, "expected 'word freq tag' but found more than three fields");

        var word = line[fields[0]];
        if (count == 1)
        {
            pending.Add(new PendingWord(word.ToString(), null));
            return;
        }

        var second = line[fields[1]];
        if (count == 2 && !IsDigits(second))
        {
            // jieba's re_userdict reads "word tag" too; anything else in second place is a broken frequency.
            if (!IsTag(second))
                throw Error(sourceName, lineNumber, raw, $"'{second}' is neither a frequency nor a tag");
            pending.Add(new PendingWord(word.ToString(), second.ToString()));
            return;
        }

        if (!IsDigits(second))
            throw Error(sourceName, lineNumber, raw, $"frequency '{second}' is not a non-negative integer");
        if (!int.TryParse(second, NumberStyles.None, CultureInfo.InvariantCulture, out int freq))
            throw Error(sourceName, lineNumber, raw, $"frequency '{second}' is out of range (at most {int.MaxValue})");

        builder.Add(word, freq, count == 3 ? line[fields[2]] : []);
    }

    private static DictionaryFormatException Error(string sourceName, int lineNumber, ReadOnlySpan<char> raw, string reason)
        => new(sourceName, lineNumber, reason, raw.TrimEnd('\r').ToString());

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && CharKinds.LeadingDigits(s) == s.Length;

    private static bool IsTag(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiLetter(c))
                return false;
        }
        return true;
    }
}
