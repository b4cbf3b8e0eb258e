using ChainBot.Core.Parsing.Lines;

namespace ChainBot.Core.Parsing;

/// <summary>
/// WeChat's quoting of a previous message as bridges deliver it: a <c>「name：…」</c> block, then a line of
/// dashes (<c>- - - - - - - - - - - - - - -</c>), then the reply. The quoted block is not part of the post.
/// </summary>
internal static class Quotes
{
    private const int MinDashes = 5;
    private const int MaxQuoteLines = 400;

    /// <summary>The line numbers of quoted blocks and their separators, or null when there are none.</summary>
    public static HashSet<int>? FindQuotedLines(string text)
    {
        if (!text.Contains('「'))
            return null;
        HashSet<int>? quoted = null;
        var opens = new List<int>();
        foreach (var line in new LineEnumerator(text))
        {
            var s = text.AsSpan(line.Start, line.Length).Trim();
            if (s.StartsWith('「'))
                opens.Add(line.Number);
            if (!IsSeparator(s) || opens.Count == 0)
                continue;
            int open = opens[^1];
            if (line.Number - open > MaxQuoteLines)
                continue;
            quoted ??= [];
            for (int n = open; n <= line.Number; n++)
                quoted.Add(n);
            opens.Clear();
        }
        return quoted;
    }

    private static bool IsSeparator(ReadOnlySpan<char> s)
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
}
