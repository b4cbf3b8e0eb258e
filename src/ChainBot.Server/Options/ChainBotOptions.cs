using System.ComponentModel.DataAnnotations;

namespace ChainBot.Server.Options;

/// <summary>The section <c>ChainBot:Storage</c>: where the inbox and outbox live.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChainBot:Storage";

    /// <summary>The SQLite store.</summary>
    public SqliteOptions Sqlite { get; set; } = new();
}

/// <summary>The section <c>ChainBot:Storage:Sqlite</c>.</summary>
public sealed class SqliteOptions
{
    /// <summary>The database file; relative paths are under the working directory. Default <c>data/chainbot.db</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/chainbot.db";
}

/// <summary>The section <c>ChainBot:Channels:Generic</c>: the JSON webhook bridges post to.</summary>
public sealed class GenericChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChainBot:Channels:Generic";

    /// <summary>
    /// The HMAC secret requests and replies are signed with. None (the fresh-clone default): only loopback callers
    /// are accepted. From an environment variable or user secrets, never from the repository.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Where replies are POSTed: the bridge's reply endpoint. None: replies wait in the outbox, parked.</summary>
    [Url]
    public string? ReplyUrl { get; set; }
}

/// <summary>One group's settings, under <c>ChainBot:Groups:{groupId}</c>.</summary>
public sealed class GroupOptions
{
    /// <summary>The configuration section holding one entry per group id.</summary>
    public const string Section = "ChainBot:Groups";

    /// <summary>Sender ids of the group's coordinators (团长): they close chains and see money totals.</summary>
    public List<string> Coordinators { get; set; } = [];

    /// <summary>Sender ids of building volunteers: they may change anyone's line.</summary>
    public List<string> Volunteers { get; set; } = [];

    /// <summary>Whether the bot acknowledges each new line (已登记 …); off by default, to keep the group quiet.</summary>
    public bool Acknowledge { get; set; }
}
