using ChainBot.Channels.Api;

namespace ChainBot.Server.Outbox;

/// <summary>How a platform's answer to a send (its errcode, classified by the protocol library) becomes an outcome.</summary>
internal static class ApiOutcomes
{
    public static SendOutcome ToSendOutcome(ApiOutcome outcome, int errcode) => outcome.Action switch
    {
        ApiAction.Done => SendOutcome.Sent,
        ApiAction.Retry or ApiAction.RefreshTokenThenRetry => SendOutcome.Transient($"errcode {errcode}: {outcome.Meaning}"),
        ApiAction.WaitThenRetry => SendOutcome.Transient($"errcode {errcode}: {outcome.Meaning}", outcome.RetryAfter ?? TimeSpan.FromMinutes(1)),
        _ => SendOutcome.Permanent($"errcode {errcode}: {outcome.Meaning}"),
    };

    /// <summary>An HTTP failure status: 5xx and 429 may pass, other statuses will not.</summary>
    public static SendOutcome OfStatus(int status) =>
        status is >= 500 or 429 or 408 ? SendOutcome.Transient($"HTTP {status}") : SendOutcome.Permanent($"HTTP {status}");

    /// <summary>
    /// What a platform's answer to a send means: its HTTP status, else its errcode as <paramref name="classify"/>
    /// reads it; with the errcode, for a caller that must act on it (a token to drop).
    /// </summary>
    public static async Task<(SendOutcome Outcome, ApiOutcome? Api)> ReadAsync(
        HttpResponseMessage response, Func<int, ApiOutcome> classify, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            return (OfStatus((int)response.StatusCode), null);
        var parsed = ApiResponse.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        if (!parsed.IsSuccess)
            return (SendOutcome.Transient("unreadable answer: " + parsed.Reason), null);
        var api = classify(parsed.Value!.ErrCode);
        return (ToSendOutcome(api, parsed.Value.ErrCode), api);
    }
}
