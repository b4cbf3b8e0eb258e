using System.Globalization;
using ChainBot.Channels.Xml;

namespace ChainBot.Channels;

/// <summary>
/// The fields every push from a WeChat Official Account or a WeCom app carries (wechat-protocol.md §1.2, §2.2), read
/// once for both: who it is to and from, when, and what kind it is; and the id to deduplicate it on.
/// </summary>
/// <param name="ToUserName">The account's original id, or the CorpID.</param>
/// <param name="FromUserName">The sender's OpenID, or the member's UserID.</param>
/// <param name="CreateTime">When it was sent, in Unix seconds.</param>
/// <param name="MsgType">The kind of message, or <c>event</c>.</param>
internal sealed record PushHeader(string ToUserName, string FromUserName, long CreateTime, string MsgType)
{
    /// <summary>Reads the four fields; a missing or malformed one is an error value.</summary>
    public static ChannelResult<PushHeader> Read(FlatXml xml)
    {
        foreach (string name in (ReadOnlySpan<string>)["ToUserName", "FromUserName", "CreateTime", "MsgType"])
        {
            if (string.IsNullOrEmpty(xml[name]))
                return ChannelResult<PushHeader>.Failure(ChannelError.MissingField, $"the message has no {name}");
        }
        if (!long.TryParse(xml["CreateTime"], NumberStyles.None, CultureInfo.InvariantCulture, out long createTime)
            || !ChinaTime.TryFromUnixSeconds(createTime, out _))
        {
            return ChannelResult<PushHeader>.Failure(ChannelError.BadField, "CreateTime is not Unix seconds");
        }
        return ChannelResult<PushHeader>.Success(new PushHeader(xml["ToUserName"]!, xml["FromUserName"]!, createTime, xml["MsgType"]!));
    }

    /// <summary>The id to deduplicate on: the MsgId, or for events (which have none) <c>FromUserName:CreateTime</c>.</summary>
    public static string DedupeKey(string? msgId, string fromUserName, long createTime) =>
        msgId ?? fromUserName + ":" + createTime.ToString(CultureInfo.InvariantCulture);

    /// <summary>A field's value, or null when it is empty.</summary>
    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
