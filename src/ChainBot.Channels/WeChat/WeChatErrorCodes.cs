using ChainBot.Channels.Api;

namespace ChainBot.Channels.WeChat;

/// <summary>What to do about an Official Account API errcode (wechat-protocol.md §1.4, §1.5 table).</summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class WeChatErrorCodes
{
    /// <summary>How long to hold messages after the daily quota (45009) is reached before trying again.</summary>
    public static readonly TimeSpan QuotaWait = TimeSpan.FromHours(1);

    /// <summary>Classifies an errcode of the token or customer-service API. Unknown codes give up: retrying a request the platform refused as wrong only burns quota.</summary>
    public static ApiOutcome Classify(int errcode) => errcode switch
    {
        0 => ApiOutcome.Of(ApiAction.Done, "ok"),
        -1 => ApiOutcome.Of(ApiAction.Retry, "system busy; back off and retry (at most 3 times)"),
        40001 => ApiOutcome.Of(ApiAction.RefreshTokenThenRetry, "invalid credential: the token is not the latest (or the secret is wrong); refresh once"),
        40014 => ApiOutcome.Of(ApiAction.RefreshTokenThenRetry, "invalid access_token"),
        42001 => ApiOutcome.Of(ApiAction.RefreshTokenThenRetry, "access_token expired"),
        45009 => ApiOutcome.Wait(QuotaWait, "daily API quota reached; wait, or clear it with /cgi-bin/clear_quota (10 times a month)"),
        45015 => ApiOutcome.Of(ApiAction.GiveUp, "outside the 48-hour window, or the user unfollowed"),
        45047 => ApiOutcome.Of(ApiAction.WaitForUser, "out of customer-service messages for this interaction; wait for the user to write"),
        44004 => ApiOutcome.Of(ApiAction.GiveUp, "empty content (often a body that is not UTF-8)"),
        40013 => ApiOutcome.Of(ApiAction.GiveUp, "invalid AppID"),
        40164 => ApiOutcome.Of(ApiAction.GiveUp, "the caller's IP is not whitelisted"),
        _ => ApiOutcome.Of(ApiAction.GiveUp, "refused by the platform"),
    };
}
