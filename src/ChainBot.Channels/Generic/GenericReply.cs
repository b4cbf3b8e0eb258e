using System.Text;
using ChainBot.Channels.Json;
using ChainBot.Core.Messages;

namespace ChainBot.Channels.Generic;

/// <summary>
/// A reply the bot posts to a bridge's callback URL (design.md, "Contracts"):
/// <c>{"replyId":"…","groupId":"…","inReplyTo":"&lt;msgId or null&gt;","mentions":["&lt;senderId&gt;"],"text":"…"}</c>.
/// </summary>
/// <param name="ReplyId">The reply's own id, stable across retries so the bridge can drop a repeat.</param>
/// <param name="GroupId">The group to post in.</param>
/// <param name="InReplyTo">The message answered; null for a message of the bot's own (a deadline reminder).</param>
/// <param name="Mentions">The sender ids to @-mention.</param>
/// <param name="Text">The text.</param>
/// <remarks>Immutable.</remarks>
public sealed record GenericReply(string ReplyId, string GroupId, string? InReplyTo, IReadOnlyList<string> Mentions, string Text)
{
    /// <summary>A reply to <paramref name="message"/> in its group, mentioning its sender.</summary>
    public static GenericReply To(IncomingMessage message, string replyId, string text)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new GenericReply(replyId, message.GroupId, message.MsgId,
            string.IsNullOrEmpty(message.SenderId) ? [] : [message.SenderId], text);
    }

    /// <summary>The JSON body as UTF-8: sign and send exactly these bytes.</summary>
    public byte[] ToUtf8Json() => Encoding.UTF8.GetBytes(ToJson());

    /// <summary>The JSON body.</summary>
    public string ToJson()
    {
        ArgumentException.ThrowIfNullOrEmpty(ReplyId);
        ArgumentException.ThrowIfNullOrEmpty(GroupId);
        ArgumentNullException.ThrowIfNull(Mentions);
        ArgumentNullException.ThrowIfNull(Text);
        return JsonBody.Write(this, static (json, reply) =>
        {
            json.WriteStartObject();
            json.WriteString("replyId", reply.ReplyId);
            json.WriteString("groupId", reply.GroupId);
            if (reply.InReplyTo is null)
                json.WriteNull("inReplyTo");
            else
                json.WriteString("inReplyTo", reply.InReplyTo);
            json.WriteStartArray("mentions");
            foreach (string mention in reply.Mentions)
                json.WriteStringValue(mention);
            json.WriteEndArray();
            json.WriteString("text", reply.Text);
            json.WriteEndObject();
        });
    }
}
