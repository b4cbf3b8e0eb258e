namespace ChainBot.Core.Text;

/// <summary>
/// Character classes the scanners share, looked up in one table: the scanners ask several of these questions of
/// every character of every line.
/// </summary>
internal static class CharKinds
{
    private const byte Separator = 1;
    private const byte Han = 2;
    private const byte Word = 4;
    private const byte QuantityStart = 8;

    /// <summary>An opening bracket: the line may hold a note (…) or （代）.</summary>
    public const byte Opener = 16;

    /// <summary>The first character of a marker word (取消, 改, 代登记, 帮…): the line may change or cancel.</summary>
    public const byte MarkerStart = 32;

    /// <summary>'*': the line may hold a spec (250ml*24) or a masked phone number (138****5678).</summary>
    public const byte Star = 64;

    /// <summary>'1': the line may hold a phone number.</summary>
    public const byte One = 128;

    /// <summary>Punctuation and symbols that separate the parts of an entry.</summary>
    private const string Separators = " ,，、;；:：。./|~～!！?？-_=—…\"'“”‘’";

    private static readonly byte[] Table = Build();

    private static byte[] Build()
    {
        var table = new byte[char.MaxValue + 1];
        foreach (char c in Separators)
            table[c] |= Separator;
        for (int c = 0; c <= char.MaxValue; c++)
        {
            bool han = c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
            if (han)
                table[c] |= Han | Word;
            if (char.IsAsciiLetterOrDigit((char)c))
                table[c] |= Word;
        }
        foreach (char c in "0123456789xX×*+半两俩零〇一二三四五六七八九十百斤")
            table[c] |= QuantityStart;
        foreach (char c in "(（【[〔「『")
            table[c] |= Opener;
        foreach (char c in "不取退撤更修改代帮替线→>➡@已")
            table[c] |= MarkerStart;
        table['*'] |= Star;
        table['1'] |= One;
        return table;
    }

    /// <summary>
    /// The classes of all the characters of <paramref name="s"/> at once, so a scanner with nothing to find is not
    /// run at all (test with <see cref="Opener"/>, <see cref="MarkerStart"/>, <see cref="Star"/>, <see cref="One"/>).
    /// </summary>
    /// <param name="s">The text.</param>
    /// <param name="digits">How many ASCII digits it holds: a phone number needs seven at least (138****5678).</param>
    public static byte Union(ReadOnlySpan<char> s, out int digits)
    {
        int kinds = 0;
        digits = 0;
        foreach (char c in s)
        {
            kinds |= Table[c];
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }
        return (byte)kinds;
    }

    /// <summary>How many ASCII digits <paramref name="s"/> starts with.</summary>
    /// <remarks>
    /// A plain loop: the generic <c>IndexOfAnyExceptInRange</c> boxed its bounds, two objects for every room number
    /// pooled, and 33 MB of garbage over jieba's dict.txt on a cold load.
    /// </remarks>
    public static int LeadingDigits(ReadOnlySpan<char> s)
    {
        int n = 0;
        while (n < s.Length && char.IsAsciiDigit(s[n]))
            n++;
        return n;
    }

    /// <summary>
    /// The value of <paramref name="s"/> when it is a plain number of at most <paramref name="maxDigits"/> ASCII
    /// digits without a leading zero (12, 301 — not 012, A3 or 0), else -1: buildings and rooms found by number.
    /// </summary>
    public static int PlainNumber(ReadOnlySpan<char> s, int maxDigits)
    {
        if (s.IsEmpty || s.Length > maxDigits || s[0] is < '1' or > '9')
            return -1;
        int number = 0;
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
                return -1;
            number = (number * 10) + (c - '0');
        }
        return number;
    }

    /// <summary>A CJK unified ideograph (the range jieba calls Han: U+4E00–U+9FD5, plus extension A).</summary>
    public static bool IsHan(char c) => (Table[c] & Han) != 0;

    /// <summary>An opening bracket: ( （ 【 [ 〔 「 『.</summary>
    public static bool IsOpener(char c) => (Table[c] & Opener) != 0;

    /// <summary>A Han character that cannot start a quantity (王, 菜 — not 两, 半): inside a word, nothing but a word.</summary>
    public static bool IsPlainHan(char c) => (Table[c] & (Han | QuantityStart)) == Han;

    /// <summary>A character that can be part of a word: Han, ASCII letter or digit.</summary>
    public static bool IsWordChar(char c) => (Table[c] & Word) != 0;

    /// <summary>Punctuation and symbols that separate the parts of an entry.</summary>
    public static bool IsSeparator(char c) => (Table[c] & Separator) != 0;

    /// <summary>Characters a quantity can start with: marks, digits, Chinese numerals and 半.</summary>
    public static bool IsQuantityStart(char c) => (Table[c] & QuantityStart) != 0;
}
