namespace ChainBot.Core.Numbers;

/// <summary>TEMPORARY stand-in until the numbers branch merges.</summary>
public static class ChineseNumerals
{
    /// <summary>Reads a number at the start of text.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, out decimal value, out int consumed)
    {
        value = 0; consumed = 0;
        if (text.IsEmpty) return false;
        if (char.IsAsciiDigit(text[0]))
        {
            int i = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }
            if (i > 12) return false;
            consumed = i;
            return decimal.TryParse(text[..i], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out value);
        }
        decimal total = 0, section = 0; int digit = -1; int p = 0;
        for (; p < text.Length; p++)
        {
            int d = "零一二三四五六七八九".IndexOf(text[p]);
            if (text[p] == '两' || text[p] == '俩') d = 2;
            if (text[p] == '〇') d = 0;
            if (d >= 0) { digit = d; continue; }
            int mul = text[p] switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (mul > 0) { section += (digit < 0 ? 1 : digit) * mul; digit = -1; continue; }
            if (text[p] == '万') { total = (section + Math.Max(digit, 0)) * 10000; section = 0; digit = -1; continue; }
            break;
        }
        if (p == 0)
        {
            if (text[0] == '半') { value = 0.5m; consumed = 1; return true; }
            return false;
        }
        value = total + section + Math.Max(digit, 0);
        consumed = p;
        return true;
    }

    /// <summary>Converts a building number to Arabic digits.</summary>
    public static bool TryToArabic(ReadOnlySpan<char> text, out string digits, out int consumed)
    {
        if (TryRead(text, out var v, out consumed) && v == decimal.Truncate(v) && !text[..consumed].Contains('.'))
        {
            digits = char.IsAsciiDigit(text[0]) ? text[..consumed].ToString() : ((long)v).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        digits = ""; consumed = 0;
        return false;
    }
}
