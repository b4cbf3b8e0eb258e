using ChainBot.Core.Messages;

namespace ChainBot.Core.Merging;

/// <summary>Who did something to a chain (added a line, changed it, closed the chain), from which message and when.</summary>
/// <param name="MsgId">The message it came from.</param>
/// <param name="SenderId">Who sent it (for a native 接龙, the entry's author).</param>
/// <param name="SenderName">Their display name in the group, when known.</param>
/// <param name="Time">When.</param>
public sealed record Provenance(string MsgId, string SenderId, string? SenderName, DateTimeOffset Time)
{
    /// <summary>The sender of <paramref name="message"/>, as of that message.</summary>
    public static Provenance Of(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.MsgId, message.SenderId, message.SenderName, message.Time);
    }
}
