namespace ChainBot.Core.Text;

/// <summary>
/// A hash for the short strings households and buildings are made of (12, 301, 王阿姨): FNV-1a over the UTF-16
/// units from a seed chosen per process, so collisions cannot be planned in advance, at a fraction of the cost of
/// the default string hash on such strings.
/// </summary>
internal static class ShortStringHash
{
    private const uint Prime = 16777619;

    /// <summary>The seed of this process.</summary>
    public static readonly uint Seed = (uint)Random.Shared.Next() | 1;

    /// <summary>Adds <paramref name="value"/> (or null) to <paramref name="hash"/>; a separator keeps ("1","23") apart from ("12","3").</summary>
    public static uint Add(uint hash, string? value)
    {
        if (value is not null)
        {
            foreach (char c in value)
                hash = (hash ^ c) * Prime;
        }
        return (hash ^ 0xFFFF) * Prime;
    }
}
