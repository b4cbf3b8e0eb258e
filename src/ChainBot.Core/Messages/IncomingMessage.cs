namespace ChainBot.Core.Messages;

/// <summary>
/// One message from a group, as every channel delivers it (design.md, "Data flow"): the same fields whether it came
/// from WeChat, WeCom, a bridge's JSON or a transcript line.
/// </summary>
/// <param name="MsgId">The channel's message id: a message delivered twice carries the same one.</param>
/// <param name="GroupId">The group (群) the message was posted in.</param>
/// <param name="SenderId">The sender's id in the channel (wxid, userid).</param>
/// <param name="SenderName">The sender's display name in the group; null when the channel gives none.</param>
/// <param name="Time">When the message was sent, with its UTC offset.</param>
/// <param name="Text">The text, the bot's own @-mention removed.</param>
/// <param name="Mentioned">True when the bot was @-mentioned.</param>
/// <param name="Solitaire">The structured side of a native 接龙, when the channel delivered one.</param>
/// <remarks>Immutable, and so safe to share between threads.</remarks>
public sealed record IncomingMessage(
    string MsgId,
    string GroupId,
    string SenderId,
    string? SenderName,
    DateTimeOffset Time,
    string Text,
    bool Mentioned = false,
    Solitaire? Solitaire = null);
