namespace ChainBot.Core.Replies;

/// <summary>
/// What the server knows beyond the group's state when it answers a message: who the sender is to the group, what
/// the group asked for, and how long a message may be on its channel.
/// </summary>
/// <remarks>Immutable, and so safe to share between threads.</remarks>
public sealed record ReplyContext
{
    /// <summary>A resident in a group with the default settings.</summary>
    public static ReplyContext Default { get; } = new();

    /// <summary>
    /// True when the sender is a configured coordinator (团长) of the group. Whoever opened a chain runs that chain
    /// too (<see cref="Merging.GroupRoles.Runs"/>), whatever this says: the replies check both.
    /// </summary>
    public bool SenderIsCoordinator { get; init; }

    /// <summary>True when the group wants every new or changed line acknowledged (已登记 3号楼201 1份); off by default.</summary>
    public bool AcknowledgeEntries { get; init; }

    /// <summary>The most UTF-8 bytes in one message; longer answers are split. At least <see cref="ReplyDefaults.MinimumBytes"/>.</summary>
    public int MaxBytes { get; init; } = ReplyDefaults.MaxBytes;

    /// <summary>The ledgers (台账) the group keeps and the chain titles that feed them: the defaults, plus any settings add.</summary>
    public Ledgers.LedgerCatalog Ledgers { get; init; } = Core.Ledgers.LedgerCatalog.Default;

    /// <summary>The most lines in one message; longer answers are split. At least 1.</summary>
    public int MaxLines { get; init; } = ReplyDefaults.MaxLines;

    /// <summary>
    /// The compound's areas, groups and leaders (<c>ChainBot:Compound:Path</c>): <c>统计</c> then answers per zone
    /// (<c>统计 一营</c>) and each leader's own level. Null without a compound file: totals per building, as ever.
    /// </summary>
    public Compounds.Compound? Compound { get; init; }
}
