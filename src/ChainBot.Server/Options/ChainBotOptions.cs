using System.ComponentModel.DataAnnotations;

namespace ChainBot.Server.Options;

/// <summary>The section <c>ChainBot:Storage</c>: where the inbox and outbox live.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChainBot:Storage";

    /// <summary>Which store the bot uses: <see cref="StorageProvider.Sqlite"/> by default.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite store.</summary>
    public SqliteOptions Sqlite { get; set; } = new();

    /// <summary>The PostgreSQL store.</summary>
    public PostgresOptions Postgres { get; set; } = new();
}

/// <summary>The stores the bot can keep its inbox and outbox in (<c>ChainBot:Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file: one process serves a compound. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, which several instances can share.</summary>
    Postgres,
}

/// <summary>The section <c>ChainBot:Storage:Postgres</c>.</summary>
public sealed class PostgresOptions
{
    /// <summary>
    /// The Npgsql connection string (<c>Host=…;Port=…;Database=…;Username=…;Password=…</c>); required when the
    /// provider is <see cref="StorageProvider.Postgres"/>. It holds a password: from an environment variable
    /// (<c>ChainBot__Storage__Postgres__ConnectionString</c>) or user secrets, never from the repository.
    /// </summary>
    public string? ConnectionString { get; set; }
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

    /// <summary>
    /// Ledgers (台账) the group keeps beyond the defaults (配药, 行动不便, 外出, 燃气充值), or more title words for one
    /// of them: the ledger's name, then the words in a roster chain's title that feed it.
    /// </summary>
    public Dictionary<string, List<string>> Ledgers { get; set; } = [];
}

/// <summary>
/// The section <c>ChainBot:Outbox</c>: how the outbox sender paces a reply that fails. Within a round, a few quick
/// retries (Polly: <see cref="Retries"/> after the first attempt, from <see cref="FirstRetryDelay"/>, each attempt
/// cut at <see cref="AttemptTimeout"/>); a round that still fails leaves the reply in the outbox for the next round,
/// <see cref="FirstRoundDelay"/> later, doubling up to <see cref="MaxRoundDelay"/>. The defaults suit a real bridge;
/// tests shorten them.
/// </summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChainBot:Outbox";

    /// <summary>How long one attempt may take before it counts as failed (Polly's limits: 10 ms to a day). Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Quick retries of a transient failure within a round, after the first attempt. Default 3.</summary>
    [Range(1, 100)]
    public int Retries { get; set; } = 3;

    /// <summary>The delay before the first quick retry; later ones double it, with jitter. Default 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The wait after a failed round before the next; it doubles each round. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan FirstRoundDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between rounds, however many failed. Default 30 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRoundDelay { get; set; } = TimeSpan.FromMinutes(30);
}
