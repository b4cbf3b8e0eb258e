using ChainBot.Core.Messages;

namespace ChainBot.Core.Transcripts;

/// <summary>
/// One message of a transcript (JSON Lines, one message a line): the same object the generic webhook accepts,
/// <c>{"msgId":"…","groupId":"…","senderId":"…","senderName":"…","time":"2022-04-18T09:30:00+08:00","text":"…","mentioned":false}</c>.
/// </summary>
/// <param name="MsgId">The channel's message id; null when the line has none.</param>
/// <param name="GroupId">The group the message was posted in; null when the line has none.</param>
/// <param name="SenderId">The sender's id in the channel; null when the line has none.</param>
/// <param name="SenderName">The sender's display name in the group; null when the line has none.</param>
/// <param name="Time">When the message was sent, with its UTC offset.</param>
/// <param name="Text">The message text.</param>
/// <param name="Mentioned">True when the bot was @-mentioned.</param>
/// <param name="Solitaire">WeChat's structured 接龙 data, when the channel delivered it.</param>
/// <remarks>Immutable, and so safe to share between threads.</remarks>
public sealed record TranscriptMessage(
    string? MsgId,
    string? GroupId,
    string? SenderId,
    string? SenderName,
    DateTimeOffset Time,
    string Text,
    bool Mentioned = false,
    Solitaire? Solitaire = null)
{
    /// <summary>
    /// The message as the merger takes it. A line without a message id is named after its place in the transcript
    /// (<c>line-12</c>), so that replaying the same file names it the same way; a missing sender or group is empty.
    /// </summary>
    /// <param name="lineNumber">The message's 1-based line in the transcript.</param>
    public IncomingMessage ToIncoming(int lineNumber) =>
        new(MsgId ?? "line-" + lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            GroupId ?? string.Empty, SenderId ?? string.Empty, SenderName, Time, Text, Mentioned, Solitaire);
}
