using System.Text;
using ChainBot.Core.Numbers;
using ChainBot.Core.Text;

namespace ChainBot.Core.Compounds;

/// <summary>
/// How zone names and building numbers are compared: as people type them, so <c>一营</c>, <c>1营</c> and <c>１营</c>
/// are one group, <c>二区</c> and <c>2区</c> one area, <c>a3</c> and <c>A3</c> one building.
/// </summary>
internal static class ZoneNames
{
    /// <summary>The Chinese numerals a zone's number starts with (一营, 十二营, 两区).</summary>
    private const string NumeralStarts = "零〇一二两三四五六七八九十";

    /// <summary>The comparison key: folded (full-width → ASCII), without spaces, Chinese numerals as digits, upper case.</summary>
    public static string Key(string name)
    {
        var text = TextNormalizer.Normalize(name).AsSpan().Trim();
        var key = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (NumeralStarts.Contains(c)
                && ChineseNumerals.TryToArabic(text[i..], out string digits, out int consumed) && consumed > 0)
            {
                key.Append(digits);
                i += consumed;
                continue;
            }
            if (!char.IsWhiteSpace(c))
                key.Append(char.ToUpperInvariant(c));
            i++;
        }
        return key.ToString();
    }

    /// <summary>What may follow a building's number in a file (<c>12号楼</c>, <c>A3栋</c>), longest first.</summary>
    private static readonly string[] BuildingSuffixes = ["号楼", "号", "栋", "幢", "楼"];

    /// <summary>
    /// A building as the compound file writes it, made canonical as the parser makes a line's (design.md):
    /// <c>12号楼</c>, <c>十二号</c>, <c>１２</c> → <c>"12"</c>; <c>a3栋</c> → <c>"A3"</c>. Null when it is not one.
    /// </summary>
    public static string? Building(string written)
    {
        var text = TextNormalizer.Normalize(written).AsSpan().Trim();
        foreach (string suffix in BuildingSuffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                text = text[..^suffix.Length].TrimEnd();
                break;
            }
        }
        if (text.IsEmpty)
            return null;
        if (!char.IsAsciiDigit(text[0]) && ChineseNumerals.TryToArabic(text, out string digits, out int consumed) && consumed == text.Length)
            return digits;
        if (text.Length > 8)
            return null;
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                return null;
        }
        return text.ToString().ToUpperInvariant();
    }
}
