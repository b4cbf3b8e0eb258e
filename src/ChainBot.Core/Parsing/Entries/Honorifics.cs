namespace ChainBot.Core.Parsing.Entries;

/// <summary>
/// Honorifics (称呼) that end a name: 王阿姨, 陈先生, 刘奶奶家. Used to split a name from words glued after it
/// (刘阿姨氨氯地平 → 刘阿姨 + 氨氯地平).
/// </summary>
internal static class Honorifics
{
    private static readonly string[] Words =
    [
        "奶奶家", "爷爷家", "阿姨家", "老师家", "阿婆家",
        "阿姨", "叔叔", "奶奶", "爷爷", "先生", "女士", "小姐", "老师", "师傅", "阿婆", "阿公", "大爷", "大妈",
        "大姐", "大哥", "阿叔", "婆婆", "公公", "外婆", "外公", "姥姥", "姥爷", "伯伯", "老伯", "医生", "同学",
        "妈妈", "爸爸", "姐姐", "哥哥", "宝妈", "宝爸",
        "家", "姐", "哥", "总", "妈", "爸", "伯", "叔", "婶", "姨", "嫂",
    ];

    /// <summary>The characters honorifics start with: a name is searched only where one can start.</summary>
    private static readonly string FirstChars = string.Concat(Words.Select(w => w[0]).Distinct());

    /// <summary>
    /// The honorifics starting with each of <see cref="FirstChars"/>, at the same index: one vectorized IndexOf in a
    /// string of a few dozen characters finds them, cheaper than a set test and a dictionary lookup per character.
    /// </summary>
    private static readonly string[][] ByFirstChar = [.. FirstChars.Select(c => Words.Where(w => w[0] == c).ToArray())];

    /// <summary>
    /// Where a name ends in <paramref name="text"/> when an honorific closes it within the first few characters;
    /// -1 when none does.
    /// </summary>
    public static int NameEnd(ReadOnlySpan<char> text)
    {
        const int MaxNameLength = 6;
        int best = -1;
        var window = text[..Math.Min(text.Length, MaxNameLength)];
        for (int i = 1; i < window.Length; i++)
        {
            int first = FirstChars.IndexOf(window[i]);
            if (first < 0)
                continue;
            foreach (string word in ByFirstChar[first])
            {
                if (i + word.Length <= MaxNameLength && i + word.Length > best && window[i..].StartsWith(word, StringComparison.Ordinal))
                    best = i + word.Length;
            }
        }
        return best;
    }
}
