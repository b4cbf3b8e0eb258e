using ChainBot.Channels.Xml;
using ChainBot.Core.Messages;

namespace ChainBot.Channels.WeCom;

/// <summary>A message or event pushed to a WeCom self-built app (wechat-protocol.md §2.2), decrypted.</summary>
/// <remarks>Immutable.</remarks>
public sealed record WeComMessage : PushMessage
{
    /// <summary>A push's fields (see <see cref="PushMessage"/>) and the app's AgentID, as text (null when absent).</summary>
    public WeComMessage(string toUserName, string fromUserName, long createTime, string msgType, string? content, string? msgId, string? agentId, string? @event, string? eventKey)
        : base(toUserName, fromUserName, createTime, msgType, content, msgId, @event, eventKey)
    {
        AgentId = agentId;
    }

    /// <summary>The app's AgentID, as text; null when absent.</summary>
    public string? AgentId { get; init; }

    /// <summary>
    /// The message as the pipeline takes it. Apps do not receive group chats, only a member's messages to the app, so
    /// the group is the member's UserID unless <paramref name="groupOf"/> says otherwise.
    /// </summary>
    /// <param name="groupOf">Maps a message to its group id; null for the sender's UserID.</param>
    public IncomingMessage ToIncoming(Func<WeComMessage, string>? groupOf = null) => ToIncoming(groupOf?.Invoke(this) ?? FromUserName);

    /// <summary>Reads the fields of a decrypted message's XML; a missing or malformed required field is an error value.</summary>
    internal static ChannelResult<WeComMessage> Read(FlatXml xml)
    {
        var header = PushHeader.Read(xml);
        if (!header.IsSuccess)
            return header.As<WeComMessage>();
        var (to, from, createTime, type) = header.Value;
        return ChannelResult<WeComMessage>.Success(new WeComMessage(
            to, from, createTime, type, xml["Content"], PushHeader.NullIfEmpty(xml["MsgId"]),
            PushHeader.NullIfEmpty(xml["AgentID"]), PushHeader.NullIfEmpty(xml["Event"]), PushHeader.NullIfEmpty(xml["EventKey"])));
    }
}
