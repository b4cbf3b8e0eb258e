using System.Buffers;

namespace ChainBot.Core.Segmentation;

/// <summary>
/// The character classes of jieba's <c>cut</c> (jieba/__init__.py, v0.42.1), as <see cref="SearchValues{T}"/> so
/// the run boundaries are found with vectorized scans.
/// </summary>
internal static class JiebaChars
{
    // re_han_default = "([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)": the runs that go through the DAG. Python's
    // a-zA-Z0-9 are ASCII only, and full-width letters and digits are NOT in the class (they come out one by one).
    private static readonly SearchValues<char> s_hanBlock = SearchValues.Create(BuildHanBlockChars());

    private static string BuildHanBlockChars()
    {
        var chars = new char[0x9FD5 - 0x4E00 + 1 + 26 + 26 + 10 + 7];
        int n = 0;
        for (int c = 0x4E00; c <= 0x9FD5; c++)
            chars[n++] = (char)c;
        foreach (char c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#&._%-")
            chars[n++] = c;
        return new string(chars, 0, n);
    }

    /// <summary>The chars of <c>re_han_default</c>: CJK U+4E00–U+9FD5, ASCII letters and digits, <c>+#&amp;._%-</c>.</summary>
    public static SearchValues<char> HanBlock => s_hanBlock;

    /// <summary>True for a char of <c>re_han_default</c>.</summary>
    public static bool IsHanBlock(char c) => s_hanBlock.Contains(c);

    /// <summary>
    /// <c>re_eng = [a-zA-Z0-9]</c>: single-char route steps of these are glued into one token
    /// (<c>__cut_DAG_NO_HMM</c>'s <c>buf</c>), so <c>abc123</c> stays one word when the dictionary has none of it.
    /// </summary>
    public static bool IsEnglish(char c) => char.IsAsciiLetterOrDigit(c);
}
