using System.Buffers;
using System.Collections.Frozen;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>
/// Words that change what an entry means (chain-formats.md, "Changing one's mind" and "Offline and on behalf").
/// </summary>
internal static class Markers
{
    /// <summary>取消, 不要了 …: the household withdraws.</summary>
    public static readonly string[] Cancel = ["取消接龙", "不需要了", "不需要", "不要了", "已取消", "取消了", "取消", "退订", "退团", "退出", "撤销"];

    /// <summary>The first characters of <see cref="Cancel"/>.</summary>
    public static readonly SearchValues<char> CancelStarts = SearchValues.Create("取不已退撤");

    /// <summary>The first characters of <see cref="Correction"/> (bare 改 is looked for apart).</summary>
    public static readonly SearchValues<char> CorrectionStarts = SearchValues.Create("更修改→->=➡");

    /// <summary>The first characters of <see cref="OnBehalf"/>, <see cref="HelpOpeners"/> and <see cref="Offline"/>.</summary>
    public static readonly SearchValues<char> BehalfStarts = SearchValues.Create("代帮替线");

    /// <summary>更正, 改为 …: the line replaces the household's earlier one. Bare 改 is checked separately.</summary>
    public static readonly string[] Correction = ["更正", "修改为", "修改成", "修改", "改为", "改成", "→", "->", "=>", "➡"];

    /// <summary>代登记, 代报 …: a volunteer adds the line for someone else.</summary>
    public static readonly string[] OnBehalf = ["代登记", "代报名", "代接龙", "代下单", "代报", "代订", "帮忙登记"];

    /// <summary>What opens a 帮…接龙 phrase: 帮5号102王奶奶接龙, 替5号102王奶奶报.</summary>
    public const string HelpOpeners = "帮替";

    /// <summary>What closes a 帮…接龙 phrase: 帮5号102王奶奶接龙.</summary>
    public static readonly string[] HelpClosers = ["接龙", "登记", "报名", "下单", "报"];

    /// <summary>Labels written before a phone number (手机13912345678): part of the number, not a note.</summary>
    public static readonly string[] PhoneLabels = ["联系电话", "电话号码", "手机号码", "手机号", "电话", "手机", "tel", "Tel", "TEL", "📞", "☎"];

    /// <summary>
    /// Verbs glued to a quantity (要2份, 订两份, 共3份): they say "I want", never name an item.
    /// </summary>
    public static readonly string[] OrderVerbs = ["一共", "总共", "共计", "预订", "预定", "需要", "再要", "再加", "数量", "份数", "数目", "全部", "每样", "每种", "每天", "每日", "每周", "每次", "要", "订", "定", "买", "来", "拿", "共", "加", "再", "都"];

    /// <summary>The last characters of <see cref="OrderVerbs"/>: most words end otherwise and need no comparison.</summary>
    public static readonly FrozenSet<char> OrderVerbEnds = OrderVerbs.Select(v => v[^1]).ToFrozenSet();

    /// <summary>Words of a label before an entry's address (配药登记：, 报名：, 订单：).</summary>
    public static readonly string[] LabelWords = ["登记", "报名", "接龙", "下单", "订单", "订购", "团购", "配药", "信息", "地址", "住址"];

    /// <summary>Offline lines (线下) are entered by a volunteer on someone's behalf.</summary>
    public const string Offline = "线下";

    /// <summary>
    /// Bracket contents that mean "on behalf" rather than a note: （代）, （楼组长代报）, （线下）.
    /// </summary>
    public static bool IsBehalfNote(ReadOnlySpan<char> note) =>
        note.SequenceEqual("代") || note.SequenceEqual("线下") || note.SequenceEqual("代购")
        || (note.Length <= 6 && (note.EndsWith("代报") || note.EndsWith("代登记") || note.EndsWith("代接龙") || note.EndsWith("代下单")
            || note.EndsWith("代") || note.EndsWith("代领")));

    /// <summary>Bracket contents that cancel the line: （取消）, （已取消）, （不要了）.</summary>
    public static bool IsCancelNote(ReadOnlySpan<char> note) =>
        note.Length <= 4 && (note.SequenceEqual("取消") || note.SequenceEqual("已取消") || note.SequenceEqual("不要了") || note.SequenceEqual("退出"));

    /// <summary>Bracket contents that say the line corrects an earlier one: （更正）, （已修改）, （改）.</summary>
    public static bool IsCorrectionNote(ReadOnlySpan<char> note) =>
        note.SequenceEqual("更正") || note.SequenceEqual("修改") || note.SequenceEqual("已修改") || note.SequenceEqual("改") || note.SequenceEqual("已改");

    /// <summary>How courtesies begin: 谢谢, 辛苦了, 不好意思.</summary>
    private static readonly string[] Courtesies = ["谢谢", "感谢", "多谢", "谢啦", "辛苦", "麻烦了", "不好意思", "抱歉", "thanks", "Thanks", "thx"];

    /// <summary>The first characters of <see cref="Courtesies"/>.</summary>
    private static readonly SearchValues<char> CourtesyStarts = SearchValues.Create(string.Concat(Courtesies.Select(c => c[0])));

    /// <summary>
    /// Courtesies (谢谢, 辛苦了, 不好意思): kind words for the group, not instructions for the coordinator's sheet.
    /// </summary>
    public static bool IsCourtesy(ReadOnlySpan<char> note)
    {
        const int MaxCourtesyLength = 8;
        // Most notes (不要葱, 放门口) start otherwise: no courtesy is compared with them.
        if (note.IsEmpty || note.Length > MaxCourtesyLength || !CourtesyStarts.Contains(note[0]))
            return false;
        foreach (string start in Courtesies)
        {
            if (note.StartsWith(start, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
