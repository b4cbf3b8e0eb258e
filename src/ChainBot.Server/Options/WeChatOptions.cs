namespace ChainBot.Server.Options;

/// <summary>The section <c>ChainBot:Channels:WeChat</c>: Official Accounts (公众号), each under its route name.</summary>
public sealed class WeChatOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChainBot:Channels:WeChat";

    /// <summary>The accounts, by the <c>{account}</c> of <c>/webhook/wechat/{account}</c>.</summary>
    public Dictionary<string, WeChatAccountOptions> Accounts { get; set; } = [];

    /// <summary>Where the WeChat API is (a test points it at loopback).</summary>
    public string ApiBase { get; set; } = "https://api.weixin.qq.com";

    /// <summary>
    /// Whether a push waits (up to 3.5 s) to carry the bot's first answer as a passive reply; off, every answer goes
    /// through the customer-service API.
    /// </summary>
    public bool PassiveReplies { get; set; } = true;
}

/// <summary>One Official Account: <c>ChainBot:Channels:WeChat:Accounts:{account}</c>. Secrets from the environment.</summary>
public sealed class WeChatAccountOptions
{
    /// <summary>The server-configuration token the signatures are made with.</summary>
    public string Token { get; set; } = "";

    /// <summary>The 43-character key of safe mode; none for plaintext mode.</summary>
    public string? EncodingAESKey { get; set; }

    /// <summary>The account's AppID (the receive id of safe mode).</summary>
    public string AppId { get; set; } = "";

    /// <summary>The AppSecret, for the access token the customer-service replies need.</summary>
    public string? AppSecret { get; set; }

    /// <summary>
    /// An Official Account cannot sit in a group: a user's conversation is its own group, unless mapped here
    /// (OpenID → group id) to a group, e.g. a coordinator pasting chains for a building's group.
    /// </summary>
    public Dictionary<string, string> UserGroups { get; set; } = [];
}

/// <summary>The section <c>ChainBot:Channels:WeCom</c>: WeCom apps and robots, each under its route name.</summary>
public sealed class WeComOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChainBot:Channels:WeCom";

    /// <summary>The apps, by the <c>{app}</c> of <c>/webhook/wecom/{app}</c>.</summary>
    public Dictionary<string, WeComAppOptions> Apps { get; set; } = [];

    /// <summary>Where the WeCom API is (a test points it at loopback).</summary>
    public string ApiBase { get; set; } = "https://qyapi.weixin.qq.com";

    /// <summary>A group robot takes at most this many messages a minute (wechat-protocol.md §3).</summary>
    public int RobotMessagesPerMinute { get; set; } = 20;
}

/// <summary>One WeCom app or intelligent robot: <c>ChainBot:Channels:WeCom:Apps:{app}</c>. Secrets from the environment.</summary>
public sealed class WeComAppOptions
{
    /// <summary>The callback token.</summary>
    public string Token { get; set; } = "";

    /// <summary>The callback's 43-character key.</summary>
    public string EncodingAESKey { get; set; } = "";

    /// <summary>The corporation id (the app callback's receive id); none for an intelligent robot.</summary>
    public string? CorpId { get; set; }

    /// <summary>The group robot's webhook key: replies are posted to that robot's group.</summary>
    public string? RobotKey { get; set; }

    /// <summary>The intelligent robot's name, whose @-mention is removed from messages.</summary>
    public string? BotName { get; set; }
}
