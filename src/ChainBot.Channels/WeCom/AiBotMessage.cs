using ChainBot.Core.Messages;

namespace ChainBot.Channels.WeCom;

/// <summary>
/// A decrypted AI bot callback (wechat-protocol.md §4): a message, a stream refresh poll, or an event.
/// </summary>
/// <param name="MsgId">Unique per callback; WeCom does deliver duplicates, so deduplicate on it.</param>
/// <param name="AiBotId">The bot's id.</param>
/// <param name="ChatId">The group chat's id; null in a single chat.</param>
/// <param name="ChatType"><c>single</c> or <c>group</c>.</param>
/// <param name="UserId">The sender's UserID (<c>from.userid</c>).</param>
/// <param name="MsgType"><c>text</c>, <c>image</c>, <c>mixed</c>, <c>voice</c>, <c>file</c>, <c>video</c>, <c>stream</c> or <c>event</c>.</param>
/// <param name="Text">
/// The text, with the bot's leading <c>@BotName</c> removed: a text message's content, a voice message's
/// transcription, or a mixed message's text parts joined by line feeds; null for other types.
/// </param>
/// <param name="ResponseUrl">Where to post one later answer (valid an hour, usable once); null when absent.</param>
/// <param name="StreamId">For a stream refresh poll, the stream being polled; null otherwise.</param>
/// <param name="EventType">For an event, <c>enter_chat</c>, <c>template_card_event</c> or <c>feedback_event</c>; null otherwise.</param>
/// <param name="CreateTime">An event's Unix seconds; null for messages, which carry no time.</param>
/// <remarks>Immutable.</remarks>
public sealed record AiBotMessage(
    string MsgId,
    string? AiBotId,
    string? ChatId,
    string? ChatType,
    string? UserId,
    string MsgType,
    string? Text,
    string? ResponseUrl,
    string? StreamId,
    string? EventType,
    long? CreateTime)
{
    /// <summary>True for a group chat.</summary>
    public bool IsGroup => ChatType == "group";

    /// <summary>
    /// True for a stream refresh poll: answer it with the stream's current content, and do not drop it as a
    /// duplicate message — key it by <see cref="StreamId"/> instead [advice].
    /// </summary>
    public bool IsStreamRefresh => MsgType == "stream";

    /// <summary>True for an event (enter_chat, a card click, feedback).</summary>
    public bool IsEvent => MsgType == "event";

    /// <summary>
    /// The message as the pipeline takes it: the group is the chat, or the sender in a single chat. Messages carry no
    /// time of their own, so <paramref name="receivedAt"/> (the callback's arrival) stands in; events use their
    /// create_time. The bot only receives what is addressed to it, so every message counts as a mention.
    /// </summary>
    public IncomingMessage ToIncoming(DateTimeOffset receivedAt)
    {
        var time = CreateTime is { } seconds && ChinaTime.TryFromUnixSeconds(seconds, out var created)
            ? created
            : receivedAt.ToOffset(ChinaTime.Offset);
        string sender = UserId ?? string.Empty;
        return new IncomingMessage(MsgId, ChatId ?? sender, sender, SenderName: null, time, Text ?? string.Empty, Mentioned: true);
    }
}
