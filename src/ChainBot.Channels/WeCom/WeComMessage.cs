using System.Globalization;
using ChainBot.Channels.Xml;
using ChainBot.Core.Messages;

namespace ChainBot.Channels.WeCom;

/// <summary>A message or event pushed to a WeCom self-built app (wechat-protocol.md §2.2), decrypted.</summary>
/// <param name="ToUserName">The CorpID.</param>
/// <param name="FromUserName">The member's UserID.</param>
/// <param name="CreateTime">When it was sent, in Unix seconds.</param>
/// <param name="MsgType"><c>text</c>, <c>image</c>, <c>voice</c>, <c>video</c>, <c>location</c>, <c>link</c> or <c>event</c>.</param>
/// <param name="Content">The text of a text message; null for other types.</param>
/// <param name="MsgId">The 64-bit message id, as text; null on events.</param>
/// <param name="AgentId">The app's AgentID, as text; null when absent.</param>
/// <param name="Event">The event (<c>subscribe</c>, <c>enter_agent</c>, <c>click</c>…); null on messages.</param>
/// <param name="EventKey">The event's key; null when absent.</param>
/// <remarks>Immutable.</remarks>
public sealed record WeComMessage(
    string ToUserName,
    string FromUserName,
    long CreateTime,
    string MsgType,
    string? Content,
    string? MsgId,
    string? AgentId,
    string? Event,
    string? EventKey)
{
    /// <summary>True for a text message.</summary>
    public bool IsText => MsgType == "text";

    /// <summary>True for an event, which has no MsgId.</summary>
    public bool IsEvent => MsgType == "event";

    /// <summary>The id to deduplicate on (§2.2): the MsgId, or for events <c>FromUserName:CreateTime</c>.</summary>
    public string DedupeKey => PushHeader.DedupeKey(MsgId, FromUserName, CreateTime);

    /// <summary>When it was sent, in China time (+08:00).</summary>
    public DateTimeOffset Time => ChinaTime.TryFromUnixSeconds(CreateTime, out var time) ? time : default;

    /// <summary>
    /// The message as the pipeline takes it. Apps do not receive group chats, only a member's messages to the app, so
    /// the group is the member's UserID unless <paramref name="groupOf"/> says otherwise; every such message is
    /// addressed to the bot, so it counts as a mention.
    /// </summary>
    /// <param name="groupOf">Maps a message to its group id; null for the sender's UserID.</param>
    public IncomingMessage ToIncoming(Func<WeComMessage, string>? groupOf = null) =>
        new(DedupeKey, groupOf?.Invoke(this) ?? FromUserName, FromUserName, SenderName: null, Time, Content ?? string.Empty, Mentioned: true);

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
