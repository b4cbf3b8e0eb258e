namespace ChainBot.Core.Text;

/// <summary>Character classes the scanners share.</summary>
internal static class CharKinds
{
    /// <summary>A CJK unified ideograph (the range jieba calls Han: U+4E00–U+9FD5, plus extension A).</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>A character that can be part of a word: Han, ASCII letter or digit.</summary>
    public static bool IsWordChar(char c) => IsHan(c) || char.IsAsciiLetterOrDigit(c);

    /// <summary>Punctuation and symbols that separate the parts of an entry.</summary>
    public static bool IsSeparator(char c) => c is ' ' or ',' or '，' or '、' or ';' or '；' or ':' or '：' or '。' or '.' or '/' or '|' or '~' or '～' or '!' or '！' or '?' or '？' or '-' or '_' or '=' or '—' or '…' or '"' or '\'' or '“' or '”' or '‘' or '’';
}
