using System.Buffers;

namespace ChainBot.Core.Text;

/// <summary>
/// Mainland mobile numbers (手机号): 11 digits starting 1[3-9], or already masked as <c>138****5678</c>.
/// They are private: found so they can be kept out of replies and logs, and masked wherever text is echoed.
/// </summary>
public static class PhoneNumbers
{
    /// <summary>Length of a mainland mobile number.</summary>
    public const int Length = 11;

    /// <summary>The fewest digits a number is written with: 138****5678 has seven.</summary>
    internal const int MinDigits = 7;

    /// <summary>
    /// Finds the first phone number in <paramref name="text"/>: 11 digits (or 3 digits, 4 '*', 4 digits) starting
    /// with 1 and 3–9, not part of a longer run of digits. Spaces or dashes between the 3-4-4 groups are allowed.
    /// </summary>
    /// <returns>True with the start and length of the match in <paramref name="text"/>.</returns>
    public static bool TryFind(ReadOnlySpan<char> text, out int start, out int length)
    {
        for (int i = text.IndexOf('1'); i >= 0 && i + Length <= text.Length; i = NextOne(text, i))
        {
            if (i > 0 && char.IsAsciiDigit(text[i - 1]))
                continue;
            if (TryMatchAt(text, i, out length))
            {
                start = i;
                return true;
            }
        }
        start = length = 0;
        return false;
    }

    private static int NextOne(ReadOnlySpan<char> text, int i)
    {
        int next = text[(i + 1)..].IndexOf('1');
        return next < 0 ? -1 : i + 1 + next;
    }

    private static bool TryMatchAt(ReadOnlySpan<char> text, int i, out int length)
    {
        length = 0;
        if (text[i + 1] < '3' || text[i + 1] > '9')
            return false;
        int digits = 0, p = i;
        while (p < text.Length && digits < Length)
        {
            char c = text[p];
            bool isDigitSlot = char.IsAsciiDigit(c) || (c == '*' && digits is >= 3 and < 7);
            if (isDigitSlot)
            {
                digits++;
                p++;
            }
            else if ((c == ' ' || c == '-') && (digits == 3 || digits == 7) && p + 1 < text.Length && char.IsAsciiDigit(text[p + 1]) | text[p + 1] == '*')
            {
                p++;
            }
            else
            {
                return false;
            }
        }
        if (digits != Length || (p < text.Length && char.IsAsciiDigit(text[p])))
            return false;
        length = p - i;
        return true;
    }

    /// <summary>Keeps the digits of a number and hides the middle four: 13812345678 → 138****5678.</summary>
    public static string Mask(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        Span<char> digits = stackalloc char[Length];
        int n = 0;
        foreach (char c in phone)
        {
            if ((char.IsAsciiDigit(c) || c == '*') && n < Length)
                digits[n++] = c;
        }
        if (n != Length)
            return new string('*', phone.Length);
        digits[3..7].Fill('*');
        return new string(digits);
    }

    /// <summary>
    /// Returns <paramref name="text"/> with every phone number in it masked, as typed: full-width digits
    /// (１３８…) and invisible characters between digits are seen through, the way the parser sees them.
    /// </summary>
    public static string MaskAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < Length)
            return text;
        return text.AsSpan().IndexOfAny(Disguises) < 0 ? Mask(text, text, []) : MaskFolded(text);
    }

    /// <summary>Characters that hide a number from a plain search: full-width digits and stars, invisible characters.</summary>
    private static readonly SearchValues<char> Disguises = SearchValues.Create(
        "０１２３４５６７８９＊\u200B\u200C\u200D\u2060\uFEFF\u00AD\u3000\uFE0F－");

    /// <summary>Folds the text as the parser sees it and masks the characters the numbers were typed with.</summary>
    private static string MaskFolded(string text)
    {
        var folded = new char[text.Length];
        var origin = new int[text.Length];
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = TextNormalizer.Fold(text[i]);
            if (c == '\0')
                continue;
            folded[n] = c;
            origin[n++] = i;
        }
        return Mask(text, folded.AsSpan(0, n), origin.AsSpan(0, n));
    }

    /// <summary>
    /// Finds the numbers in <paramref name="view"/> and masks their middle digits in <paramref name="text"/>, at the
    /// positions <paramref name="origin"/> gives (the same positions when it is empty); the same string when none.
    /// </summary>
    private static string Mask(string text, ReadOnlySpan<char> view, ReadOnlySpan<int> origin)
    {
        char[]? masked = null;
        int offset = 0;
        while (TryFind(view[offset..], out int start, out int length))
        {
            masked ??= text.ToCharArray();
            int digits = 0;
            for (int k = offset + start; k < offset + start + length; k++)
            {
                if (view[k] == ' ' || view[k] == '-')
                    continue;
                if (digits is >= 3 and < 7)
                    masked[origin.IsEmpty ? k : origin[k]] = '*';
                digits++;
            }
            offset += start + length;
        }
        return masked is null ? text : new string(masked);
    }
}
