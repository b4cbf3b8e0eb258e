namespace ChainBot.Server;

/// <summary>
/// The server's log events (3xxx), source-generated and structured. Never a message's text, a secret or a phone
/// number: ids, counts and reasons only.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Debug, "Group {GroupId}: {Messages} messages processed, {Replies} replies queued")]
    public static partial void Processed(ILogger logger, string groupId, int messages, int replies);

    [LoggerMessage(3002, LogLevel.Error, "Processing the inbox failed; the messages stay pending")]
    public static partial void ProcessingFailed(ILogger logger, Exception exception);

    [LoggerMessage(3003, LogLevel.Error, "Group {GroupId}: message {MsgId} could not be merged and was skipped")]
    public static partial void MergeFailed(ILogger logger, Exception exception, string groupId, string msgId);

    [LoggerMessage(3010, LogLevel.Warning, "No generic webhook secret is configured: only callers on this machine (loopback) are accepted")]
    public static partial void LoopbackOnly(ILogger logger);

    [LoggerMessage(3011, LogLevel.Information, "Refused a {Channel} request: {Reason}")]
    public static partial void Refused(ILogger logger, string channel, string reason);

    [LoggerMessage(3020, LogLevel.Warning, "Reply {ReplyId} to {Channel} failed (attempt {Attempt}): {Reason}; retrying at {RetryAt}")]
    public static partial void ReplyRetry(ILogger logger, string replyId, string channel, int attempt, string reason, DateTimeOffset retryAt);

    [LoggerMessage(3021, LogLevel.Error, "Reply {ReplyId} to {Channel} parked: {Reason}")]
    public static partial void ReplyParked(ILogger logger, string replyId, string channel, string reason);

    [LoggerMessage(3022, LogLevel.Error, "Sending the outbox failed; the replies stay queued")]
    public static partial void SendingFailed(ILogger logger, Exception exception);

    [LoggerMessage(3030, LogLevel.Warning, "No ChainBot:Exports:LinkKey is configured: download links are signed with a random key and stop working when the server restarts")]
    public static partial void RandomLinkKey(ILogger logger);

    [LoggerMessage(3031, LogLevel.Information, "Group {GroupId}: chain {Chain} downloaded as {Format}")]
    public static partial void Downloaded(ILogger logger, string groupId, int chain, string format);

    [LoggerMessage(3040, LogLevel.Information, "Instance {InstanceId} started: group leases last {LeaseLength}, outbox claims {ClaimLength}")]
    public static partial void InstanceStarted(ILogger logger, string instanceId, TimeSpan leaseLength, TimeSpan claimLength);

    [LoggerMessage(3041, LogLevel.Information, "Group {GroupId}: lease taken by {InstanceId} until {ExpiresAt}")]
    public static partial void LeaseTaken(ILogger logger, string groupId, string instanceId, DateTimeOffset expiresAt);

    [LoggerMessage(3042, LogLevel.Warning, "Group {GroupId}: lease of {InstanceId} lost to another instance; its uncommitted work is dropped and redone there")]
    public static partial void LeaseLost(ILogger logger, string groupId, string instanceId);

    [LoggerMessage(3043, LogLevel.Warning, "Group {GroupId}: giving the lease up at stop failed; it runs out by itself")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string groupId);
}
