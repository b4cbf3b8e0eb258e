namespace ChainBot.Channels.Text;

/// <summary>
/// Splits a reply to a channel's size limit, counted in UTF-8 bytes as the platforms count it (WeChat passive reply
/// about 2048, WeCom robot text 2048 and markdown 4096, AI-bot stream 20480). Chunks end at line boundaries where they
/// can, so a tally row is never cut in two; a single line longer than the limit is cut between characters, never
/// inside a UTF-8 sequence or a surrogate pair.
/// </summary>
/// <remarks>
/// Pure and thread-safe. The chunks concatenated are the input exactly: a chunk keeps the line feed it ends with.
/// </remarks>
public static class ReplySplitter
{
    /// <summary>The smallest limit that fits any character (a surrogate pair is 4 UTF-8 bytes).</summary>
    public const int MinimumLimit = 4;

    /// <summary>
    /// Splits <paramref name="text"/> into chunks of at most <paramref name="maxUtf8Bytes"/> UTF-8 bytes each,
    /// packing whole lines greedily. Empty text gives no chunk.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxUtf8Bytes"/> is below <see cref="MinimumLimit"/>.</exception>
    public static IReadOnlyList<string> Split(string text, int maxUtf8Bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUtf8Bytes, MinimumLimit);
        var chunks = new List<string>();
        int chunkStart = 0, chunkBytes = 0;
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int newline = text.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.Length : newline + 1;
            int lineBytes = Utf8Length(text.AsSpan(lineStart, lineEnd - lineStart));

            if (chunkBytes + lineBytes <= maxUtf8Bytes)
            {
                chunkBytes += lineBytes;
            }
            else
            {
                if (chunkBytes > 0)
                    chunks.Add(text[chunkStart..lineStart]);
                chunkStart = lineStart;
                chunkBytes = 0;
                if (lineBytes <= maxUtf8Bytes)
                {
                    chunkBytes = lineBytes;
                }
                else
                {
                    // One line over the limit: cut it where the next character would not fit, keep the tail open.
                    int at = lineStart;
                    while (at < lineEnd)
                    {
                        int width = CharWidth(text, at, out int units);
                        if (chunkBytes + width > maxUtf8Bytes)
                        {
                            chunks.Add(text[chunkStart..at]);
                            chunkStart = at;
                            chunkBytes = 0;
                        }
                        chunkBytes += width;
                        at += units;
                    }
                }
            }
            lineStart = lineEnd;
        }
        if (chunkStart < text.Length)
            chunks.Add(text[chunkStart..]);
        return chunks;
    }

    /// <summary>
    /// The UTF-8 length of text as it will be sent: a surrogate pair is 4 bytes, a lone surrogate the 3 of the
    /// replacement character the encoder writes for it.
    /// </summary>
    public static int Utf8Length(ReadOnlySpan<char> text)
    {
        int bytes = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x80)
                bytes += 1;
            else if (c < 0x800)
                bytes += 2;
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                bytes += 4;
                i++;
            }
            else
                bytes += 3;
        }
        return bytes;
    }

    /// <summary>The UTF-8 width of the character at <paramref name="index"/> and how many UTF-16 units it takes.</summary>
    private static int CharWidth(string text, int index, out int units)
    {
        char c = text[index];
        units = 1;
        if (c < 0x80)
            return 1;
        if (c < 0x800)
            return 2;
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            units = 2;
            return 4;
        }
        return 3;
    }
}
