namespace ChainBot.Channels.Api;

/// <summary>What a sender should do after a WeChat or WeCom API call, decided from the response's <c>errcode</c>.</summary>
public enum ApiAction
{
    /// <summary>The call succeeded (errcode 0).</summary>
    Done = 0,

    /// <summary>A transient failure (system busy): retry with backoff, a few times.</summary>
    Retry,

    /// <summary>The access token is invalid or expired: fetch a new one once, then retry.</summary>
    RefreshTokenThenRetry,

    /// <summary>A rate or quota limit: wait <see cref="ApiOutcome.RetryAfter"/>, then retry (a durable outbox job, not a tight loop).</summary>
    WaitThenRetry,

    /// <summary>The platform will not deliver until the user writes again (the customer-service window or count is used up).</summary>
    WaitForUser,

    /// <summary>Retrying cannot help (bad key, bad request, user gone): record the failure and drop the message.</summary>
    GiveUp,
}
