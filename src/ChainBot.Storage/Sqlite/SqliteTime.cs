using System.Globalization;

namespace ChainBot.Storage.Sqlite;

/// <summary>
/// How a time is written in a column: ISO 8601 in UTC with seven fractional digits
/// (<c>2022-04-18T01:30:00.0000000Z</c>). Every value has the same width, so text order is time order and
/// <c>next_attempt_at &lt;= $now</c> compares as it reads; the instant survives to the tick, and the file stays
/// readable with the <c>sqlite3</c> shell. The offset a value came with is not kept in a column: a message's own
/// time, whose offset matters (a deadline of 今晚8点 is read in it), lives in its JSON.
/// </summary>
internal static class SqliteTime
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'";

    /// <summary>The column text for <paramref name="value"/>.</summary>
    public static string Write(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The time a column holds, at offset zero.</summary>
    /// <exception cref="FormatException">The text is not in the column format.</exception>
    public static DateTimeOffset Read(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
