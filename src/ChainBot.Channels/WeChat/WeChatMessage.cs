using ChainBot.Channels.Xml;
using ChainBot.Core.Messages;

namespace ChainBot.Channels.WeChat;

/// <summary>A message or event pushed to an Official Account (wechat-protocol.md §1.2), as its XML carries it.</summary>
/// <remarks>Immutable.</remarks>
public sealed record WeChatMessage : PushMessage
{
    /// <summary>A push's fields; see <see cref="PushMessage"/>.</summary>
    public WeChatMessage(string toUserName, string fromUserName, long createTime, string msgType, string? content, string? msgId, string? @event, string? eventKey)
        : base(toUserName, fromUserName, createTime, msgType, content, msgId, @event, eventKey)
    {
    }

    /// <summary>
    /// The message as the pipeline takes it. An Official Account has no groups, only one-to-one chats, so the group is
    /// the sender's OpenID unless <paramref name="groupOf"/> says otherwise (a deployment that maps followers to their
    /// compound's group).
    /// </summary>
    /// <param name="groupOf">Maps a message to its group id; null for the sender's OpenID.</param>
    public IncomingMessage ToIncoming(Func<WeChatMessage, string>? groupOf = null) => ToIncoming(groupOf?.Invoke(this) ?? FromUserName);

    /// <summary>Reads the fields of a message's XML; a missing or malformed required field is an error value.</summary>
    internal static ChannelResult<WeChatMessage> Read(FlatXml xml)
    {
        var header = PushHeader.Read(xml);
        if (!header.IsSuccess)
            return header.As<WeChatMessage>();
        var (to, from, createTime, type) = header.Value;
        return ChannelResult<WeChatMessage>.Success(new WeChatMessage(
            to, from, createTime, type, xml["Content"],
            PushHeader.NullIfEmpty(xml["MsgId"]), PushHeader.NullIfEmpty(xml["Event"]), PushHeader.NullIfEmpty(xml["EventKey"])));
    }
}
