using ChainBot.Core.Parsing;
using ChainBot.Core.Text;

namespace ChainBot.Core.Merging;

/// <summary>
/// The key a line is known by across copies: its text normalized (full-width folded, invisible characters dropped),
/// without its sequence number and without spaces. <c>3. 12号 301 王 1份</c> and <c>5.12号301 王 １份</c> are one line.
/// </summary>
internal static class LineKeys
{
    public static string Of(string line)
    {
        string normalized = TextNormalizer.Normalize(line);
        var text = normalized.AsSpan().Trim(' ');
        if (SequenceNumbers.TryRead(text, out _, out int bodyStart))
            text = text[bodyStart..];
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        int n = 0;
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
                buffer[n++] = c;
        }
        return new string(buffer[..n]);
    }
}
