using System.Globalization;
using System.Text;

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

    /// <summary>Reads the whole of <paramref name="reader"/>, wrapping a decoding failure with the source name.</summary>
    public static string ReadAll(TextReader reader, string sourceName)
    {
        try
        {
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException e)
        {
            throw new DictionaryFormatException($"Dictionary {sourceName} is not valid UTF-8.", e);
        }
    }

    /// <summary>Parses <paramref name="text"/> into <paramref name="builder"/>; lines without a frequency go to <paramref name="pending"/>.</summary>
    public static void Read(string text, string sourceName, PrefixTrieBuilder builder, List<PendingWord> pending)
    {
        var all = text.AsSpan();
        if (!all.IsEmpty && all[0] == '\uFEFF')
            all = all[1..];

        int lineNumber = 0;
        while (true)
        {
            lineNumber++;
            int newline = all.IndexOf('\n');
            var line = newline < 0 ? all : all[..newline];
            ReadLine(line, sourceName, lineNumber, builder, pending);
            if (newline < 0)
                break;
            all = all[(newline + 1)..];
        }
    }

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

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

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
