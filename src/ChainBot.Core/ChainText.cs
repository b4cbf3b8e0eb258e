using ChainBot.Core.Chains;
using ChainBot.Core.Parsing;

namespace ChainBot.Core;

/// <summary>The front door of the parser: 接龙 text in, a <see cref="ChainPost"/> out.</summary>
public static class ChainText
{
    /// <summary>
    /// Reads one message as a chain post with the default parser. Never throws on user text: what it cannot
    /// read comes back in <see cref="ChainPost.Unread"/> with the reason.
    /// </summary>
    /// <param name="text">The message text.</param>
    /// <param name="messageTime">When the message was sent; relative deadlines (今晚8点) are read from it. Default: now.</param>
    /// <param name="parser">A configured parser; default <see cref="ChainParser.Default"/>.</param>
    public static ChainPost Parse(string text, DateTimeOffset? messageTime = null, ChainParser? parser = null)
        => (parser ?? ChainParser.Default).Parse(text, messageTime);
}
