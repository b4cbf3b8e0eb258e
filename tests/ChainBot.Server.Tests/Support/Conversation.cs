namespace ChainBot.Server.Tests.Support;

/// A vegetable-box chain as a group types it, and a group's messages numbered in order.
internal sealed class Conversation(string groupId, string prefix)
{
    public const string Coordinator = "u_tz";

    public const string Header = """
        #接龙
        4月18日 天山三村 蔬菜套餐团购
        规格：每份约5斤，68元/份
        截止时间：今晚8点
        例：12号 301 张三 2份

        """;

    private int _count;

    public string GroupId { get; } = groupId;

    /// The chain with its numbered lines.
    public static string Chain(params string[] lines) => Header + string.Join("\n", lines);

    /// The round trip most tests start from: the coordinator opens the chain, two residents copy it with a line each
    /// (3份 from 2 households, ¥204), and the coordinator asks 统计.
    public ChatMessage[] OpenedCopiedTwiceAndTallied() =>
    [
        Say(Coordinator, Header + "1."),
        Say("u_wang", Chain("1. 12号301 王阿姨 1份")),
        Say("u_li", Chain("1. 12号301 王阿姨 1份", "2. 15-502 李 2份")),
        Say(Coordinator, "统计"),
    ];

    /// The next message of the group: ids <c>{prefix}-001</c>, <c>{prefix}-002</c>…, a minute apart from 09:00.
    public ChatMessage Say(string senderId, string text, string? senderName = null)
    {
        _count++;
        return new ChatMessage($"{prefix}-{_count:000}", GroupId, senderId, senderName ?? senderId, ChatMessage.Morning.AddMinutes(_count), text);
    }
}
