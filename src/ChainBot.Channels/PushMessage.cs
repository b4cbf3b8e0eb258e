using ChainBot.Core.Messages;

namespace ChainBot.Channels;

/// <summary>
/// A message or event pushed by WeChat to an Official Account (wechat-protocol.md §1.2) or by WeCom to an app
/// (§2.2), decrypted: the fields both carry, and what the pipeline makes of them.
/// </summary>
/// <param name="ToUserName">The account's original id (<c>gh_…</c>), or the CorpID.</param>
/// <param name="FromUserName">The sender's OpenID, or the member's UserID.</param>
/// <param name="CreateTime">When it was sent, in Unix seconds.</param>
/// <param name="MsgType"><c>text</c>, <c>image</c>, <c>voice</c>, <c>video</c>, <c>location</c>, <c>link</c> or <c>event</c>.</param>
/// <param name="Content">The text of a text message; null for other types.</param>
/// <param name="MsgId">The 64-bit message id, as text; null on events.</param>
/// <param name="Event">The event (<c>subscribe</c>, <c>click</c>…); null on messages.</param>
/// <param name="EventKey">The event's key (menu key, QR scene); null when absent.</param>
/// <remarks>Immutable.</remarks>
public abstract record PushMessage(
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
    /// The id to deduplicate on (§1.3, §2.2): the MsgId, or for events (which have none) <c>FromUserName:CreateTime</c>.
    /// The platform retries an unanswered push twice with the same values.
    /// </summary>
    public string DedupeKey => PushHeader.DedupeKey(MsgId, FromUserName, CreateTime);

    /// <summary>When it was sent, in China time (+08:00).</summary>
    public DateTimeOffset Time => ChinaTime.TryFromUnixSeconds(CreateTime, out var time) ? time : default;

    /// <summary>
    /// The message as the pipeline takes it, in <paramref name="groupId"/>. These are one-to-one chats with the bot,
    /// so every message counts as a mention.
    /// </summary>
    protected IncomingMessage ToIncoming(string groupId) =>
        new(DedupeKey, groupId, FromUserName, SenderName: null, Time, Content ?? string.Empty, Mentioned: true);
}
