namespace ChainBot.Core.Parsing;

/// <summary>The parser's defaults, in one place.</summary>
public static class ChainParserDefaults
{
    /// <summary>Chains are read in China Standard Time unless configured otherwise.</summary>
    public const string TimeZoneId = "Asia/Shanghai";

    /// <summary>A chain line longer than this is not a line a person typed; it is reported, not parsed.</summary>
    public const int MaxLineLength = 4096;

    /// <summary>China Standard Time as a fixed offset, used where the machine has no time zone database.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Finds a time zone by id, falling back to UTC+8 (China has had no daylight saving since 1991).</summary>
    public static TimeZoneInfo FindTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            if (id == TimeZoneId)
                return TimeZoneInfo.CreateCustomTimeZone(TimeZoneId, ChinaOffset, "China Standard Time", "China Standard Time");
            throw;
        }
    }
}
