namespace ChainBot.Channels.WeChat;

/// <summary>The Official Account's limits and fixed answers (wechat-protocol.md §1.3, §1.5), in one place.</summary>
public static class WeChatLimits
{
    /// <summary>
    /// The text of a passive reply, in UTF-8 bytes: about 2048 observed [Community]; there is no official figure.
    /// Split longer replies with <see cref="Text.ReplySplitter"/>, answer with the first chunk and send the rest as
    /// customer-service messages.
    /// </summary>
    public const int PassiveReplyMaxBytes = 2048;

    /// <summary>The text of one customer-service message, in UTF-8 bytes; kept to the passive-reply figure, having none of its own.</summary>
    public const int CustomerServiceMaxBytes = 2048;

    /// <summary>The time WeChat waits for a passive reply before it retries (3 tries in all).</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long after the user's last interaction customer-service messages are allowed.</summary>
    public static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(48);

    /// <summary>
    /// The body that answers a push without replying (§1.3): WeChat then neither retries nor shows "service
    /// unavailable". Send it when the answer will follow as a customer-service message.
    /// </summary>
    public const string NoReply = "success";
}
