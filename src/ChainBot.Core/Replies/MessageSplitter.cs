using System.Globalization;
using System.Text;

namespace ChainBot.Core.Replies;

/// <summary>
/// Cuts an answer into messages that each fit the channel: at most so many UTF-8 bytes and so many lines. Cuts fall
/// between lines; a line too long for one message on its own is cut between text elements (never inside a surrogate
/// pair, nor between a character and its accents). Parts are numbered <c>（1/3）</c> only when there are several.
/// </summary>
internal static class MessageSplitter
{
    /// <summary>The messages, in order; none when every line is blank.</summary>
    public static IReadOnlyList<string> Split(IReadOnlyList<string> lines, int maxBytes, int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, ReplyDefaults.MinimumBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        var clean = lines.SelectMany(line => line.Split('\n')).Select(line => line.TrimEnd('\r', ' ')).ToList();

        var parts = Pack(clean, maxBytes, maxLines);
        if (parts.Count <= 1)
            return parts.Select(part => string.Join('\n', part)).ToList();
        // Numbered, each part's first line carries its marker: leave room for the widest one, and pack again until
        // the count of parts (and so the marker's width) holds still.
        int count = parts.Count;
        while (true)
        {
            parts = Pack(clean, maxBytes - MarkerBytes(count), maxLines);
            if (MarkerBytes(parts.Count) <= MarkerBytes(count))
                break;
            count = parts.Count;
        }
        return parts.Select((part, i) => Marker(i + 1, parts.Count) + string.Join('\n', part)).ToList();
    }

    /// <summary>（2/3）</summary>
    private static string Marker(int part, int count) =>
        "（" + ReplyFormat.Number(part) + "/" + ReplyFormat.Number(count) + "）";

    /// <summary>The bytes of the widest marker of <paramref name="count"/> parts.</summary>
    private static int MarkerBytes(int count) => Encoding.UTF8.GetByteCount(Marker(count, count));

    /// <summary>Lines packed greedily into parts of at most <paramref name="maxBytes"/> and <paramref name="maxLines"/>.</summary>
    private static List<List<string>> Pack(List<string> lines, int maxBytes, int maxLines)
    {
        var parts = new List<List<string>>();
        var part = new List<string>();
        int bytes = 0;
        foreach (string whole in lines)
        {
            foreach (string line in Pieces(whole, maxBytes))
            {
                int size = Encoding.UTF8.GetByteCount(line);
                bool fits = part.Count < maxLines && bytes + (part.Count > 0 ? 1 : 0) + size <= maxBytes;
                if (!fits)
                {
                    Close(parts, part);
                    part = [];
                    bytes = 0;
                }
                if (part.Count == 0 && line.Length == 0)
                    continue; // a part never starts with a blank line
                bytes += (part.Count > 0 ? 1 : 0) + size;
                part.Add(line);
            }
        }
        Close(parts, part);
        return parts;
    }

    /// <summary>Keeps a part without the blank lines it ends with; an empty part is dropped.</summary>
    private static void Close(List<List<string>> parts, List<string> part)
    {
        while (part.Count > 0 && part[^1].Length == 0)
            part.RemoveAt(part.Count - 1);
        if (part.Count > 0)
            parts.Add(part);
    }

    /// <summary>A line as it is when it fits, else cut into pieces that do, between text elements.</summary>
    private static IEnumerable<string> Pieces(string line, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(line) <= maxBytes)
        {
            yield return line;
            yield break;
        }
        var piece = new StringBuilder();
        int bytes = 0;
        foreach (string element in Elements(line, maxBytes))
        {
            int size = Encoding.UTF8.GetByteCount(element);
            if (bytes + size > maxBytes)
            {
                yield return piece.ToString();
                piece.Clear();
                bytes = 0;
            }
            piece.Append(element);
            bytes += size;
        }
        if (piece.Length > 0)
            yield return piece.ToString();
    }

    /// <summary>
    /// The line's text elements; one longer than a whole message (a letter under hundreds of accents) is given rune
    /// by rune, so a surrogate pair still stays whole.
    /// </summary>
    private static IEnumerable<string> Elements(string line, int maxBytes)
    {
        for (int i = 0; i < line.Length;)
        {
            int length = StringInfo.GetNextTextElementLength(line, i);
            string element = line.Substring(i, length);
            i += length;
            if (Encoding.UTF8.GetByteCount(element) <= maxBytes)
            {
                yield return element;
                continue;
            }
            foreach (var rune in element.EnumerateRunes())
                yield return rune.ToString();
        }
    }
}
