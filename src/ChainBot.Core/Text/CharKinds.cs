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
        foreach (char c in "0123456789xX×*+半两俩零〇一二三四五六七八九十百")
            table[c] |= QuantityStart;
        return table;
    }

    /// <summary>A CJK unified ideograph (the range jieba calls Han: U+4E00–U+9FD5, plus extension A).</summary>
    public static bool IsHan(char c) => (Table[c] & Han) != 0;

    /// <summary>A character that can be part of a word: Han, ASCII letter or digit.</summary>
    public static bool IsWordChar(char c) => (Table[c] & Word) != 0;

    /// <summary>Punctuation and symbols that separate the parts of an entry.</summary>
    public static bool IsSeparator(char c) => (Table[c] & Separator) != 0;

    /// <summary>Characters a quantity can start with: marks, digits, Chinese numerals and 半.</summary>
    public static bool IsQuantityStart(char c) => (Table[c] & QuantityStart) != 0;
}
