namespace ChainBot.Cli.Webhooks;

/// <summary>What became of one posted message.</summary>
internal enum PostOutcomeKind
{
    /// <summary>The bot stored it (2xx, <c>"status":"accepted"</c>).</summary>
    Accepted,

    /// <summary>The bot had it already (2xx, <c>"status":"duplicate"</c>).</summary>
    Duplicate,

    /// <summary>The bot answered, but not 2xx: 401 (signature), 400 (not a message), 413 (too large), 5xx after the retries.</summary>
    Refused,

    /// <summary>No answer at all after the retries: nothing listens, the connection failed, or the bot timed out.</summary>
    Unreachable,
}

/// <summary>What became of one posted message: the outcome, the HTTP status, the reason, and the retries it took.</summary>
/// <param name="Kind">The outcome.</param>
/// <param name="Status">The HTTP status of the last answer; 0 when there was none.</param>
/// <param name="Reason">The bot's <c>error</c> (or the status's reason phrase), or why it could not be reached; null when accepted.</param>
/// <param name="Retries">How many times it was sent again after a connection failure, a timeout or a 5xx.</param>
internal readonly record struct PostOutcome(PostOutcomeKind Kind, int Status, string? Reason, int Retries);
