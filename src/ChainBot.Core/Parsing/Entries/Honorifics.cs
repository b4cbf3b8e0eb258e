using System.Buffers;
using System.Collections.Frozen;

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

    /// <summary>The honorifics by their first character: a name is searched only where one can start.</summary>
    private static readonly FrozenDictionary<char, string[]> ByFirstChar =
        Words.GroupBy(w => w[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());

    private static readonly SearchValues<char> FirstChars = SearchValues.Create([.. ByFirstChar.Keys]);

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
            if (!FirstChars.Contains(window[i]))
                continue;
            foreach (string word in ByFirstChar[window[i]])
            {
                if (i + word.Length <= MaxNameLength && i + word.Length > best && window[i..].StartsWith(word, StringComparison.Ordinal))
                    best = i + word.Length;
            }
        }
        return best;
    }
}
