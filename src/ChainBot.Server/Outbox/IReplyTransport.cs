using ChainBot.Storage;

namespace ChainBot.Server.Outbox;

/// <summary>Delivers replies through one channel (a bridge's reply URL, a WeCom robot, the Official Account's API).</summary>
internal interface IReplyTransport
{
    /// <summary>The channel this transport serves: the part of <see cref="OutboxReply.Channel"/> before any <c>:</c>.</summary>
    string Channel { get; }

    /// <summary>Tries once to deliver a reply; retries are the caller's. Never throws for a failed delivery.</summary>
    Task<SendOutcome> SendAsync(OutboxReply reply, CancellationToken cancellationToken);
}

/// <summary>What one attempt to deliver a reply came to.</summary>
/// <param name="Kind">Delivered, worth retrying, or never going to work.</param>
/// <param name="Reason">Why it failed (status, errcode); null when delivered. Never a secret.</param>
/// <param name="RetryAfter">How long the endpoint asked to wait (45009, 429); null when it did not say.</param>
internal readonly record struct SendOutcome(SendOutcomeKind Kind, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static SendOutcome Sent { get; } = new(SendOutcomeKind.Sent);

    public static SendOutcome Transient(string reason, TimeSpan? retryAfter = null) => new(SendOutcomeKind.Transient, reason, retryAfter);

    public static SendOutcome Permanent(string reason) => new(SendOutcomeKind.Permanent, reason);
}

/// <summary>The kinds of <see cref="SendOutcome"/>.</summary>
internal enum SendOutcomeKind
{
    /// <summary>The channel took the reply.</summary>
    Sent,

    /// <summary>A failure that may pass (a timeout, a 5xx, a rate limit): try again later.</summary>
    Transient,

    /// <summary>A failure that will not pass (a wrong key, a user who left, no reply URL): park the reply.</summary>
    Permanent,
}
