namespace ChainBot.Core.Parsing.Deadlines;

/// <summary>TEMPORARY stand-in until the numbers branch merges.</summary>
public static class DeadlineReader
{
    /// <summary>Reads a deadline.</summary>
    public static bool TryRead(ReadOnlySpan<char> line, DateTimeOffset messageTime, TimeZoneInfo zone, out DateTimeOffset deadline)
    {
        _ = line; _ = messageTime; _ = zone; deadline = default;
        return false;
    }

    /// <summary>Whether a line mentions a deadline.</summary>
    public static bool MentionsDeadline(ReadOnlySpan<char> line) => line.Contains("截止", StringComparison.Ordinal) || line.Contains("截单", StringComparison.Ordinal) || line.Contains("前", StringComparison.Ordinal);
}
