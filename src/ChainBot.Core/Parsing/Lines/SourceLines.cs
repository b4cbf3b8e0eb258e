namespace ChainBot.Core.Parsing.Lines;

/// <summary>Where the parser's lines come from: a whole message, or a reader streaming a large one.</summary>
internal static class SourceLines
{
    /// <summary>The lines of <paramref name="text"/>, split on every line break phones and bridges send.</summary>
    public static IEnumerable<SourceLine> Of(string text)
    {
        int start = 0, number = 0;
        while (start <= text.Length)
        {
            int i = text.AsSpan(start).IndexOfAny(LineBreaks);
            if (i < 0)
            {
                // The text after the last break; a trailing break does not make one more empty line.
                if (start < text.Length || number == 0)
                    yield return new SourceLine(start == 0 ? text : text[start..], ++number);
                yield break;
            }
            yield return new SourceLine(text.Substring(start, i), ++number);
            start += i + (text[start + i] == '\r' && start + i + 1 < text.Length && text[start + i + 1] == '\n' ? 2 : 1);
        }
    }

    /// <summary>The lines of <paramref name="reader"/>, read as they are needed.</summary>
    public static IEnumerable<SourceLine> Of(TextReader reader)
    {
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            // TextReader splits on \r, \n and \r\n only; the Unicode breaks split here too.
            if (line.AsSpan().IndexOfAny(UnicodeBreaks) < 0)
            {
                yield return new SourceLine(line, ++number);
                continue;
            }
            // Every Unicode break makes one more line, a trailing one included: the reader has already taken the
            // \r or \n that follows it, which the whole text counts as a line break of its own.
            int start = 0;
            while (true)
            {
                int i = line.AsSpan(start).IndexOfAny(UnicodeBreaks);
                if (i < 0)
                {
                    yield return new SourceLine(start == 0 ? line : line[start..], ++number);
                    break;
                }
                yield return new SourceLine(line.Substring(start, i), ++number);
                start += i + 1;
            }
        }
    }

    /// <summary>
    /// Drops WeChat's quoting of a previous message as bridges deliver it: a <c>「name：…」</c> block, then a line
    /// of dashes (<c>- - - - - - - - - - - - - - -</c>), then the reply. Lines are held back only while a quote is
    /// open, and at most <see cref="MaxQuoteLines"/> of them.
    /// </summary>
    public static IEnumerable<SourceLine> WithoutQuotes(IEnumerable<SourceLine> lines)
    {
        List<SourceLine>? held = null;
        foreach (var line in lines)
        {
            // Nearly every line starts with what it says (a number, a name): no quote, nothing held, nothing to trim.
            if (held is not { Count: > 0 } && line.Text.Length > 0 && line.Text[0] is > ' ' and < '\u0085' or > '\u3000' and not '「')
            {
                yield return line;
                continue;
            }
            var text = line.Text.AsSpan().Trim();
            if (text.StartsWith('「'))
            {
                if (held is { Count: > 0 })
                {
                    foreach (var h in held)
                        yield return h;
                    held.Clear();
                }
                (held ??= []).Add(line);
                continue;
            }
            if (held is { Count: > 0 })
            {
                if (IsQuoteSeparator(text))
                {
                    held.Clear(); // the quote and its separator are not part of the post
                    continue;
                }
                held.Add(line);
                if (held.Count > MaxQuoteLines)
                {
                    foreach (var h in held)
                        yield return h;
                    held.Clear();
                }
                continue;
            }
            yield return line;
        }
        if (held is not null)
        {
            foreach (var h in held)
                yield return h;
        }
    }

    /// <summary>The longest quote held back while waiting for its separator line.</summary>
    public const int MaxQuoteLines = 400;

    private const int MinDashes = 5;

    private static bool IsQuoteSeparator(ReadOnlySpan<char> s)
    {
        int dashes = 0;
        foreach (char c in s)
        {
            if (c is '-' or '－' or '—')
                dashes++;
            else if (c != ' ')
                return false;
        }
        return dashes >= MinDashes;
    }

    private static ReadOnlySpan<char> LineBreaks => "\r\n\u2028\u2029\u0085";

    private static ReadOnlySpan<char> UnicodeBreaks => "\u2028\u2029\u0085";
}
