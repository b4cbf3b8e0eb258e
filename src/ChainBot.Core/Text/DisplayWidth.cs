using System.Globalization;
using System.Text;

namespace ChainBot.Core.Text;

/// <summary>
/// How many terminal columns text takes: Chinese characters, full-width forms and most emoji take two,
/// combining marks none. Enough to line up columns of Chinese names and items in plain text.
/// </summary>
public static class DisplayWidth
{
    /// <summary>The columns <paramref name="text"/> takes in a monospaced terminal.</summary>
    public static int Of(ReadOnlySpan<char> text)
    {
        int width = 0;
        foreach (var rune in text.EnumerateRunes())
            width += Of(rune);
        return width;
    }

    /// <summary>The columns one character takes: 0, 1 or 2.</summary>
    public static int Of(Rune rune)
    {
        int c = rune.Value;
        if (c < 0x300)
            return c < 0x20 || c is >= 0x7F and < 0xA0 ? 0 : 1;
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            return 0;
        return IsWide(c) ? 2 : 1;
    }

    // East Asian Wide and Fullwidth ranges (UAX #11), coarsely: the blocks chain text actually uses.
    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F            // Hangul Jamo initials
            or >= 0x2E80 and <= 0x303E          // CJK radicals, punctuation (、。「」)
            or >= 0x3041 and <= 0x33FF          // kana, bopomofo, enclosed CJK (①…), CJK compatibility
            or >= 0x3400 and <= 0x4DBF          // CJK extension A
            or >= 0x4E00 and <= 0x9FFF          // CJK unified ideographs
            or >= 0xA000 and <= 0xA4CF          // Yi
            or >= 0xAC00 and <= 0xD7A3          // Hangul syllables
            or >= 0xF900 and <= 0xFAFF          // CJK compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F          // CJK compatibility forms
            or >= 0xFF00 and <= 0xFF60          // full-width forms (２份, ：)
            or >= 0xFFE0 and <= 0xFFE6          // full-width signs (￥)
            or >= 0x1F300 and <= 0x1F64F        // pictographs, emoticons (🌸)
            or >= 0x1F900 and <= 0x1F9FF        // supplemental pictographs
            or >= 0x20000 and <= 0x3FFFD;       // CJK extensions B and beyond
}
