namespace ChainBot.Cli.Webhooks;

/// <summary>The defaults of <c>post</c> and <c>load</c>, in one place.</summary>
internal static class WebhookDefaults
{
    /// <summary>How long one attempt may wait for the bot's answer before it counts as no answer.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Retries of one message after a connection failure, a timeout or a 5xx: a restarting bot is back within a
    /// second or so, and a bot that stays down is better reported than waited for. A repeat is safe: the inbox keeps
    /// a message id once, and answers a second copy "duplicate".
    /// </summary>
    public const int Retries = 2;

    /// <summary>The first retry's delay; the second waits about twice as long (exponential, jittered).</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>How long <c>post --replies-on</c> keeps listening after the last message, in milliseconds.</summary>
    public const int ReplyWaitMilliseconds = 3000;

    /// <summary>The largest reply body <c>--replies-on</c> reads (the bot's replies are a few KB).</summary>
    public const int MaxReplyBytes = 64 * 1024;

    /// <summary>How much of an answer is read for its status or reason: the bot's answers are a line of JSON.</summary>
    public const int MaxAnswerBytes = 16 * 1024;

    /// <summary>The path of the reply endpoint <c>--replies-on</c> runs.</summary>
    public const string ReplyPath = "/reply";

    /// <summary><c>load</c>: the groups its messages are spread over.</summary>
    public const int LoadGroups = 50;

    /// <summary><c>load</c>: requests in flight at most, and connections to the bot.</summary>
    public const int LoadConcurrency = 64;

    /// <summary>
    /// <c>load</c>: the most requests one run may be asked for (rate × duration), e.g. 1,000 a second for 1,000 s. Two
    /// latencies of 4 bytes are kept per request, for exact percentiles: 8 MB at the cap.
    /// </summary>
    public const long MaxLoadRequests = 1_000_000;
}
