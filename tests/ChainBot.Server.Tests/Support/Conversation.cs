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

    /// The next message of the group: ids <c>{prefix}-001</c>, <c>{prefix}-002</c>…, a minute apart from 09:00.
    public ChatMessage Say(string senderId, string text, string? senderName = null)
    {
        _count++;
        return new ChatMessage($"{prefix}-{_count:000}", GroupId, senderId, senderName ?? senderId, ChatMessage.Morning.AddMinutes(_count), text);
    }
}
