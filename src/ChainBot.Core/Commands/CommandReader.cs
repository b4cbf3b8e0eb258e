using System.Diagnostics.CodeAnalysis;
using ChainBot.Core.Text;

namespace ChainBot.Core.Commands;

/// <summary>
/// Tells a command to the bot (<c>@ChainBot 统计</c>, <c>3号楼</c>, <c>我的</c>, <c>截止</c>) from everything else a
/// group says. A command is the whole message, with or without the bot's @-mention: <c>统计一下</c> is one,
/// <c>统计好了吗</c> is chatter, and <c>3号楼502 不要了</c> is a line, not the command <c>3号楼</c>.
/// </summary>
public static class CommandReader
{
    private static readonly (string Word, BotCommandKind Kind)[] Words =
    [
        ("统计", BotCommandKind.Tally), ("汇总", BotCommandKind.Tally), ("统计一下", BotCommandKind.Tally), ("汇总一下", BotCommandKind.Tally),
        ("我的", BotCommandKind.Mine), ("查我的", BotCommandKind.Mine), ("我的订单", BotCommandKind.Mine),
        ("截止", BotCommandKind.Close), ("截单", BotCommandKind.Close), ("结束接龙", BotCommandKind.Close),
        ("导出", BotCommandKind.Export),
        ("帮助", BotCommandKind.Help), ("help", BotCommandKind.Help),
        ("接受", BotCommandKind.Accept), ("接受迟到", BotCommandKind.Accept),
        ("到货", BotCommandKind.Deliver), ("已到货", BotCommandKind.Deliver), ("到货了", BotCommandKind.Deliver),
        ("未领", BotCommandKind.Uncollected), ("未领取", BotCommandKind.Uncollected), ("谁没领", BotCommandKind.Uncollected),
    ];

    /// <summary>What ends a pickup (<c>已领</c>, <c>12-301 已取</c>), longest first.</summary>
    private static readonly string[] PickupWords = ["已领取", "已取货", "领到了", "已领", "已取"];

    /// <summary>Reads <paramref name="text"/> as a command; false when it is anything else.</summary>
    public static bool TryRead(string text, [NotNullWhen(true)] out BotCommand? command)
    {
        ArgumentNullException.ThrowIfNull(text);
        command = null;
        if (text.Length > 40)
            return false;
        // WeChat ends an @-mention with U+2005, which the normalizer drops as invisible: make it the space it stands for.
        var s = WithoutMentions(TextNormalizer.Normalize(text.Replace('\u2005', ' ')).AsSpan().Trim(' ')).TrimEnd("!！。.~ ");
        if (s.IsEmpty)
            return false;
        if (TryReadAppointment(s, out string? appointed))
        {
            command = new BotCommand(BotCommandKind.Appoint, appointed);
            return true;
        }
        if (TryReadPickup(WithoutThanks(s), out var pickup))
        {
            command = pickup;
            return true;
        }
        if (TryReadBuilding(s, out string? building))
        {
            command = new BotCommand(BotCommandKind.Building, building);
            return true;
        }
        if (TryReadLedger(s, out var ledger))
        {
            command = ledger;
            return true;
        }
        foreach (var (word, kind) in Words)
        {
            if (!s.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                continue;
            var rest = s[word.Length..].Trim(' ');
            if (rest.IsEmpty)
            {
                command = new BotCommand(kind);
                return true;
            }
            // 统计 一营, 接受 12-301: the word, a space, then what it is about.
            if (s[word.Length] == ' ' && kind is BotCommandKind.Tally or BotCommandKind.Accept or BotCommandKind.Export)
            {
                command = new BotCommand(kind, rest.ToString());
                return true;
            }
            // 统计一营, 统计二区: a zone right after the word; 统计好了吗 stays chatter.
            if (kind == BotCommandKind.Tally && IsZoneName(rest))
            {
                command = new BotCommand(kind, rest.ToString());
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// <c>一营</c>, <c>二区</c>, <c>东片</c>, <c>沧海二期</c>, <c>东片3组</c>: a name ending in a zone's word, which a
    /// compound file may name (<see cref="Compounds.Compound.FindZone"/>) — short, or numbered, so that
    /// <c>统计数据在哪个小区</c> stays chatter.
    /// </summary>
    private static bool IsZoneName(ReadOnlySpan<char> s) =>
        s.Length is >= 2 and <= 8 && !s.Contains(' ') && s[^1] is '营' or '区' or '片' or '期' or '组'
        && (s.Length <= 3 || s.ContainsAny(ZoneNumerals));

    /// <summary>What numbers a zone: <c>一营</c>, <c>3组</c>.</summary>
    private static readonly System.Buffers.SearchValues<char> ZoneNumerals =
        System.Buffers.SearchValues.Create("0123456789零〇一二两三四五六七八九十");

    /// <summary><c>设为团长 @张三</c>, <c>设置团长 张三</c>: the name of the new coordinator, without its @.</summary>
    private static bool TryReadAppointment(ReadOnlySpan<char> s, [NotNullWhen(true)] out string? name)
    {
        name = null;
        foreach (string word in (ReadOnlySpan<string>)["设为团长", "设置团长", "设团长"])
        {
            if (!s.StartsWith(word, StringComparison.Ordinal))
                continue;
            var rest = s[word.Length..].Trim(' ').TrimStart('@').Trim(' ');
            if (rest.IsEmpty || rest.Contains(' '))
                return false;
            name = rest.ToString();
            return true;
        }
        return false;
    }

    /// <summary>
    /// <c>已领</c>, <c>12-301 已取</c>, <c>12号楼301 已领</c>: goods collected, by the sender or for a household;
    /// <c>12号楼全部已领</c>: a whole building's; <c>3号楼未领</c>: one building's households still to collect.
    /// The household before the word is read by the merger, as a reply's address; here it needs only to look like
    /// one (digits, 号/楼/栋/单元/室, a dash), so <c>菜已领</c> or <c>东西已取</c> stay chatter.
    /// </summary>
    private static bool TryReadPickup(ReadOnlySpan<char> s, [NotNullWhen(true)] out BotCommand? command)
    {
        command = null;
        if (s.EndsWith("未领", StringComparison.Ordinal) || s.EndsWith("未领取", StringComparison.Ordinal))
        {
            var place = s[..s.LastIndexOf("未领")].TrimEnd(' ');
            if (!place.IsEmpty && TryReadBuilding(place, out string? building))
            {
                command = new BotCommand(BotCommandKind.Uncollected, building);
                return true;
            }
            return false;
        }
        foreach (string word in PickupWords)
        {
            if (!s.EndsWith(word, StringComparison.Ordinal))
                continue;
            var before = s[..^word.Length].TrimEnd(' ');
            if (before.IsEmpty)
            {
                command = new BotCommand(BotCommandKind.PickUp);
                return true;
            }
            foreach (string all in (ReadOnlySpan<string>)["全部", "都", "全都"])
            {
                if (before.EndsWith(all, StringComparison.Ordinal)
                    && TryReadBuilding(before[..^all.Length].TrimEnd(' '), out string? building))
                {
                    command = new BotCommand(BotCommandKind.PickUpBuilding, building);
                    return true;
                }
            }
            if (before.Length <= 16 && before.ContainsAnyInRange('0', '9') && !before.ContainsAnyExcept(HouseholdCharacters))
            {
                command = new BotCommand(BotCommandKind.PickUp, before.ToString());
                return true;
            }
            return false;
        }
        return false;
    }

    /// <summary>Words that thank whoever handed the goods out, after a pickup.</summary>
    private static readonly string[] Thanks = ["谢谢", "感谢", "多谢", "辛苦", "thanks", "thx", "🙏"];

    /// <summary>
    /// <c>已领，谢谢志愿者</c>, <c>12-301 已取 辛苦了🙏</c>: the pickup without the thanks after it. Anything else is
    /// returned as it is.
    /// </summary>
    private static ReadOnlySpan<char> WithoutThanks(ReadOnlySpan<char> s)
    {
        foreach (string word in Thanks)
        {
            int at = s.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at <= 0)
                continue;
            var before = s[..at].TrimEnd(" ,，。.!！~");
            foreach (string pickup in PickupWords)
            {
                if (before.EndsWith(pickup, StringComparison.Ordinal))
                    return before;
            }
        }
        return s;
    }

    /// <summary>What a household written before <c>已取</c> is made of: <c>12-301</c>, <c>12号楼2单元301室</c>, <c>A3栋 1201</c>.</summary>
    private static readonly System.Buffers.SearchValues<char> HouseholdCharacters =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-号楼栋幢单元室 ");

    /// <summary>
    /// <c>台账</c>, <c>台账 配药</c>, <c>台账配药</c>: a ledger's name, written with or without the space, is a word of
    /// Chinese (or letters) and no question: <c>台账好了吗</c> and <c>台账呢？</c> stay chatter.
    /// </summary>
    private static bool TryReadLedger(ReadOnlySpan<char> s, [NotNullWhen(true)] out BotCommand? command)
    {
        command = null;
        if (!s.StartsWith(LedgerWord, StringComparison.Ordinal))
            return false;
        var name = s[LedgerWord.Length..].Trim(' ');
        if (name.IsEmpty)
        {
            command = new BotCommand(BotCommandKind.Ledger);
            return true;
        }
        if (name.Length > 10 || name.ContainsAny(NotALedgerName))
            return false;
        command = new BotCommand(BotCommandKind.Ledger, name.ToString());
        return true;
    }

    private const string LedgerWord = "台账";

    /// <summary>What a question or a remark about the ledger holds, and a ledger's name never does.</summary>
    private static readonly System.Buffers.SearchValues<char> NotALedgerName =
        System.Buffers.SearchValues.Create("吗呢了吧啊？?，,。 0123456789");

    /// <summary>Leading @-mentions (<c>@ChainBot </c>, <c>@团购助手</c> and U+2005), each ended by a space.</summary>
    private static ReadOnlySpan<char> WithoutMentions(ReadOnlySpan<char> s)
    {
        while (s.Length > 0 && s[0] == '@')
        {
            int space = s.IndexOf(' ');
            if (space < 0)
                return [];
            s = s[(space + 1)..].TrimStart(' ');
        }
        return s;
    }

    /// <summary>
    /// <c>3号楼</c>, <c>3栋</c>, <c>12幢</c>, <c>A3栋</c>, <c>3号楼统计</c>: a building and nothing else; <c>3号楼2单元</c>:
    /// one entrance of it, read as <c>3-2</c>.
    /// </summary>
    private static bool TryReadBuilding(ReadOnlySpan<char> s, [NotNullWhen(true)] out string? building)
    {
        building = null;
        if (s.EndsWith("统计", StringComparison.Ordinal))
            s = s[..^2].TrimEnd(' ');
        int end = 0;
        while (end < s.Length && (char.IsAsciiLetterOrDigit(s[end])))
            end++;
        if (end == 0 || end > 6 || !s[..end].ContainsAnyInRange('0', '9'))
            return false;
        var suffix = s[end..];
        string name = s[..end].ToString().ToUpperInvariant();
        if (suffix is "号楼" or "栋" or "幢" or "号楼的" or "栋的")
        {
            building = name;
            return true;
        }
        if (suffix.Length is 2 or 3 && suffix[0] == '-' && end <= 3 && !suffix[1..].ContainsAnyExceptInRange('0', '9'))
        {
            // 3-2: building 3, entrance 2. Two digits at most after the dash: 12-301 is a room, not an entrance.
            building = name + "-" + suffix[1..].ToString();
            return true;
        }
        if (!TryReadEntrance(suffix, out string? entrance))
            return false;
        building = name + "-" + entrance;
        return true;
    }

    /// <summary>
    /// <c>号楼2单元</c>, <c>栋2单元</c>, <c>号2单元</c>, <c>-2单元</c> after a building: one entrance (单元) of it. The word
    /// 单元 is required: a bare <c>3-2</c> could as well be a room or a score.
    /// </summary>
    private static bool TryReadEntrance(ReadOnlySpan<char> suffix, [NotNullWhen(true)] out string? entrance)
    {
        entrance = null;
        foreach (string word in EntranceLeads)
        {
            if (!suffix.StartsWith(word, StringComparison.Ordinal))
                continue;
            var rest = suffix[word.Length..];
            if (rest.EndsWith("的", StringComparison.Ordinal))
                rest = rest[..^1];
            if (!rest.EndsWith("单元", StringComparison.Ordinal))
                return false;
            var digits = rest[..^2];
            if (digits.IsEmpty || digits.Length > 3 || digits.ContainsAnyExceptInRange('0', '9'))
                return false;
            entrance = digits.ToString();
            return true;
        }
        return false;
    }

    /// <summary>What stands between a building and its entrance, longest first.</summary>
    private static readonly string[] EntranceLeads = ["号楼", "栋", "幢", "号", "-"];
}
