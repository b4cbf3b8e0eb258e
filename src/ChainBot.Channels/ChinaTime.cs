namespace ChainBot.Channels;

/// <summary>The platforms' Unix-second times, read in China Standard Time (+08:00), where the groups live.</summary>
internal static class ChinaTime
{
    /// <summary>UTC+8; China has no daylight saving time.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    // DateTimeOffset's range in Unix seconds: a CreateTime beyond it is a bad field, not an exception.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    /// <summary>The instant of <paramref name="unixSeconds"/> at +08:00; false when it is out of range.</summary>
    public static bool TryFromUnixSeconds(long unixSeconds, out DateTimeOffset time)
    {
        if (unixSeconds is < MinSeconds or > MaxSeconds)
        {
            time = default;
            return false;
        }
        time = DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToOffset(Offset);
        return true;
    }

    /// <summary>The current Unix seconds of a clock.</summary>
    public static long UnixNow(TimeProvider time) => time.GetUtcNow().ToUnixTimeSeconds();
}
