using ChainBot.Channels.Api;

namespace ChainBot.Channels.WeCom;

/// <summary>What to do about a WeCom errcode: the group robot's (wechat-protocol.md §3) and the app API's (§2.4).</summary>
/// <remarks>Pure and thread-safe. Unknown codes give up: retrying a request WeCom refused as wrong only burns the rate limit.</remarks>
public static class WeComErrorCodes
{
    /// <summary>How long to pause a robot that hit its 20-a-minute limit (45009) [Community].</summary>
    public static readonly TimeSpan RateLimitWait = TimeSpan.FromSeconds(60);

    /// <summary>Classifies a group robot webhook's errcode (the HTTP status is 200 even on errors).</summary>
    public static ApiOutcome ClassifyRobot(int errcode) => errcode switch
    {
        0 => ApiOutcome.Of(ApiAction.Done, "ok"),
        -1 => ApiOutcome.Of(ApiAction.Retry, "system busy; back off and retry"),
        93000 => ApiOutcome.Of(ApiAction.GiveUp, "invalid webhook url: the key is wrong or the robot was removed"),
        45009 => ApiOutcome.Wait(RateLimitWait, "over 20 messages a minute; wait about 60 s"),
        40058 => ApiOutcome.Of(ApiAction.GiveUp, "invalid parameter (content too long?)"),
        40008 => ApiOutcome.Of(ApiAction.GiveUp, "invalid message type"),
        44004 => ApiOutcome.Of(ApiAction.GiveUp, "empty content (often a body that is not UTF-8)"),
        _ => ApiOutcome.Of(ApiAction.GiveUp, "refused by WeCom"),
    };

    /// <summary>Classifies an app API errcode (gettoken, message/send).</summary>
    public static ApiOutcome ClassifyApi(int errcode) => errcode switch
    {
        0 => ApiOutcome.Of(ApiAction.Done, "ok"),
        -1 => ApiOutcome.Of(ApiAction.Retry, "system busy; back off and retry"),
        40014 => ApiOutcome.Of(ApiAction.RefreshTokenThenRetry, "invalid access_token"),
        42001 => ApiOutcome.Of(ApiAction.RefreshTokenThenRetry, "access_token expired"),
        40001 => ApiOutcome.Of(ApiAction.GiveUp, "invalid secret: a new token will not help"),
        45009 => ApiOutcome.Wait(RateLimitWait, "API frequency limit; wait"),
        40008 => ApiOutcome.Of(ApiAction.GiveUp, "invalid message type"),
        44004 => ApiOutcome.Of(ApiAction.GiveUp, "empty content (often a body that is not UTF-8)"),
        81013 => ApiOutcome.Of(ApiAction.GiveUp, "every recipient is invalid"),
        _ => ApiOutcome.Of(ApiAction.GiveUp, "refused by WeCom"),
    };
}
