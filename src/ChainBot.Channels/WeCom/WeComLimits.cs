namespace ChainBot.Channels.WeCom;

/// <summary>WeCom's size and rate limits (wechat-protocol.md §2, §3, §4), in one place. Sizes are UTF-8 bytes of the content.</summary>
public static class WeComLimits
{
    /// <summary>A group robot's <c>text</c> content (§3).</summary>
    public const int RobotTextMaxBytes = 2048;

    /// <summary>A group robot's <c>markdown</c> content (§3); beyond it the robot answers 40058.</summary>
    public const int RobotMarkdownMaxBytes = 4096;

    /// <summary>Messages a group robot may send a minute (§3); beyond it the robot answers 45009.</summary>
    public const int RobotMessagesPerMinute = 20;

    /// <summary>An app's active text message (§2.4) [Community].</summary>
    public const int AppTextMaxBytes = 2048;

    /// <summary>The AI bot's stream content and its <c>response_url</c> markdown (§4).</summary>
    public const int AiBotContentMaxBytes = 20480;

    /// <summary>The time WeCom gives a URL check before it fails it (§2.1, §4).</summary>
    public static readonly TimeSpan UrlCheckTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The time WeCom waits for a passive reply before it retries (3 tries in all).</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long after the user's message the AI bot keeps polling an unfinished stream.</summary>
    public static readonly TimeSpan AiBotStreamWindow = TimeSpan.FromMinutes(6);

    /// <summary>How long an AI bot's <c>response_url</c> stays valid (usable once).</summary>
    public static readonly TimeSpan AiBotResponseUrlLifetime = TimeSpan.FromHours(1);
}
