namespace ChainBot.Cli.Load;

/// <summary>One kind of failed request (<c>HTTP 401</c>, <c>timeout</c>, <c>connection failed</c>) and how often it happened.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">How many requests failed so.</param>
/// <param name="Example">What the first of them said: the bot's reason, or the exception's message.</param>
internal sealed record LoadError(string Kind, int Count, string? Example);

/// <summary>What a <c>load</c> run did and measured.</summary>
/// <remarks>Immutable.</remarks>
internal sealed record LoadResult
{
    /// <summary>The run's id, in every msgId and groupId it sent.</summary>
    public required string RunId { get; init; }

    /// <summary>The requests the run was to send: rate × duration.</summary>
    public required long Planned { get; init; }

    /// <summary>Requests sent.</summary>
    public required long Sent { get; init; }

    /// <summary>Requests that got an HTTP answer, whatever its status.</summary>
    public required long Answered { get; init; }

    /// <summary>Answered 2xx, <c>"status":"accepted"</c> (or any other 2xx but a duplicate).</summary>
    public required long Accepted { get; init; }

    /// <summary>Answered 2xx, <c>"status":"duplicate"</c>: should be none, since every msgId is new.</summary>
    public required long Duplicate { get; init; }

    /// <summary>Failed requests by kind, most frequent first.</summary>
    public required IReadOnlyList<LoadError> Errors { get; init; }

    /// <summary>Requests that waited for a free connection (the concurrency limit) before they could be sent.</summary>
    public required long DelayedByConcurrency { get; init; }

    /// <summary>True when Ctrl+C stopped the run.</summary>
    public required bool Interrupted { get; init; }

    /// <summary>From the first scheduled send to the last answer (at least the nominal duration of what was sent).</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>From the first scheduled send to the last actual one, plus one interval: the window the sends took.</summary>
    public required TimeSpan SendWindow { get; init; }

    /// <summary>Latency from sending a request to its answer (what the bot took).</summary>
    public required LatencySummary? FromSend { get; init; }

    /// <summary>
    /// Latency from the time a request was scheduled to its answer: what a sender keeping to the rate would have
    /// seen, including any wait for a connection (the coordinated-omission correction).
    /// </summary>
    public required LatencySummary? FromSchedule { get; init; }

    /// <summary>Requests scheduled but never sent (Ctrl+C, or the run's time ran out).</summary>
    public long NotSent => Planned - Sent;

    /// <summary>Failed requests: sent, but not answered 2xx.</summary>
    public long Failed => Sent - Accepted - Duplicate;

    /// <summary>Requests sent per second, over the send window.</summary>
    public double SentPerSecond => SendWindow > TimeSpan.Zero ? Sent / SendWindow.TotalSeconds : 0;

    /// <summary>Requests accepted per second, over the whole run.</summary>
    public double AcceptedPerSecond => Elapsed > TimeSpan.Zero ? Accepted / Elapsed.TotalSeconds : 0;

    /// <summary>True when every planned request was sent and accepted (or was a duplicate).</summary>
    public bool IsClean => !Interrupted && NotSent == 0 && Failed == 0;
}
