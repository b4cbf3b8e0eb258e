namespace ChainBot.Channels.Api;

/// <summary>
/// The classification of an API errcode (wechat-protocol.md §1.5, §2.4, §3): what to do, how long to wait where the
/// platform's limit says, and what the code means, for the log line.
/// </summary>
/// <param name="Action">What to do next.</param>
/// <param name="RetryAfter">How long to wait before retrying, for <see cref="ApiAction.WaitThenRetry"/>; null otherwise.</param>
/// <param name="Meaning">What the code means, in a few English words.</param>
public readonly record struct ApiOutcome(ApiAction Action, TimeSpan? RetryAfter, string Meaning)
{
    /// <summary>An outcome with no delay.</summary>
    internal static ApiOutcome Of(ApiAction action, string meaning) => new(action, null, meaning);

    /// <summary>A <see cref="ApiAction.WaitThenRetry"/> outcome after <paramref name="after"/>.</summary>
    internal static ApiOutcome Wait(TimeSpan after, string meaning) => new(ApiAction.WaitThenRetry, after, meaning);
}
