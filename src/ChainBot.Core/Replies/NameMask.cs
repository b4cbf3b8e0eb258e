using System.Globalization;

namespace ChainBot.Core.Replies;

/// <summary>
/// Names shortened for lists the whole group reads (a building's list): the first character and one star for each
/// character after it, at most two, so neither the name nor its length shows. 王阿姨 → 王**, 王 → 王*, Amy → A**,
/// 🌸花花 → 🌸**, Christina → C**.
/// </summary>
public static class NameMask
{
    private const int MaxStars = 2;

    /// <summary>The name shortened; null for no name.</summary>
    public static string? Shorten(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        name = name.Trim();
        // The first text element, whole: an emoji or a letter with its accents is never cut in two.
        int first = StringInfo.GetNextTextElementLength(name);
        int rest = new StringInfo(name[first..]).LengthInTextElements;
        return name[..first] + new string('*', Math.Clamp(rest, 1, MaxStars));
    }
}
