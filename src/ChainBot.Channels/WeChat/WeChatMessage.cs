using System.Globalization;
using ChainBot.Channels.Xml;
using ChainBot.Core.Messages;

namespace ChainBot.Channels.WeChat;

/// <summary>
/// A message or event pushed to an Official Account (wechat-protocol.md §1.2), as its XML carries it.
/// </summary>
/// <param name="ToUserName">The account's original id (<c>gh_…</c>).</param>
/// <param name="FromUserName">The sender's OpenID.</param>
/// <param name="CreateTime">When it was sent, in Unix seconds.</param>
/// <param name="MsgType"><c>text</c>, <c>image</c>, <c>voice</c>, <c>video</c>, <c>shortvideo</c>, <c>location</c>, <c>link</c> or <c>event</c>.</param>
/// <param name="Content">The text of a text message; null for other types.</param>
/// <param name="MsgId">The 64-bit message id, as text; null on events.</param>
/// <param name="Event">The event (<c>subscribe</c>, <c>unsubscribe</c>, <c>SCAN</c>, <c>CLICK</c>…); null on messages.</param>
/// <param name="EventKey">The event's key (menu key, QR scene); null when absent.</param>
/// <remarks>Immutable.</remarks>
public sealed record WeChatMessage(
    string ToUserName,
    string FromUserName,
    long CreateTime,
    string MsgType,
    string? Content,
    string? MsgId,
    string? Event,
    string? EventKey)
{
    /// <summary>True for a text message (the only kind a 接龙 arrives as).</summary>
    public bool IsText => MsgType == "text";

    /// <summary>True for an event (follow, menu click…), which has no MsgId.</summary>
    public bool IsEvent => MsgType == "event";

    /// <summary>
    /// The id to deduplicate on (§1.3): the MsgId, or for events (which have none) <c>FromUserName:CreateTime</c>.
    /// WeChat retries an unanswered push twice with the same values.
    /// </summary>
    public string DedupeKey => PushHeader.DedupeKey(MsgId, FromUserName, CreateTime);

    /// <summary>When it was sent, in China time (+08:00).</summary>
    public DateTimeOffset Time => ChinaTime.TryFromUnixSeconds(CreateTime, out var time) ? time : default;

    /// <summary>
    /// The message as the pipeline takes it. An Official Account has no groups, only one-to-one chats, so the group is
    /// the sender's OpenID unless <paramref name="groupOf"/> says otherwise (a deployment that maps followers to their
    /// compound's group). Every message in such a chat is addressed to the bot, so it counts as a mention.
    /// </summary>
    /// <param name="groupOf">Maps a message to its group id; null for the sender's OpenID.</param>
    public IncomingMessage ToIncoming(Func<WeChatMessage, string>? groupOf = null) =>
        new(DedupeKey, groupOf?.Invoke(this) ?? FromUserName, FromUserName, SenderName: null, Time, Content ?? string.Empty, Mentioned: true);

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
