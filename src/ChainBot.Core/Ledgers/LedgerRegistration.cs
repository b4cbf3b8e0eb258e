using System.Collections.Immutable;
using ChainBot.Core.Chains;

namespace ChainBot.Core.Ledgers;

/// <summary>
/// One registration (登记) of a household in a ledger: one entry of one roster chain as it stands, what it asked
/// for, when, from which chain and message, and who added it.
/// </summary>
/// <remarks>Immutable. <see cref="Phone"/> is private: never in group replies or logs, only in the coordinator's own export.</remarks>
public sealed record LedgerRegistration
{
    /// <summary>The household (户) the entry belongs to.</summary>
    public required HouseholdId Household { get; init; }

    /// <summary>Where the household lives, as read.</summary>
    public required Address Address { get; init; }

    /// <summary>The name as written (刘阿姨); null when none. Shortened (<see cref="Replies.NameMask"/>) wherever the group reads it.</summary>
    public string? Name { get; init; }

    /// <summary>What the household registered, as read: its items (氨氯地平 2盒) and note (医保卡已交).</summary>
    public required string Content { get; init; }

    /// <summary>The items the line asked for.</summary>
    public ImmutableArray<ItemQuantity> Items { get; init; } = [];

    /// <summary>The line's note, as read; null when none.</summary>
    public string? Note { get; init; }

    /// <summary>Active, or cancelled (取消): a cancellation ends the household's current registration.</summary>
    public EntryStatus Status { get; init; }

    /// <summary>True when someone else added the line for the household (代登记).</summary>
    public bool OnBehalf { get; init; }

    /// <summary>A phone number in the line. Private: see the remarks.</summary>
    public string? Phone { get; init; }

    /// <summary>When the line got its present form: when it was last changed, else when it was added.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The group (群) of the chain; null for messages that name none.</summary>
    public string? GroupId { get; init; }

    /// <summary>The chain's number in its group.</summary>
    public required int ChainNumber { get; init; }

    /// <summary>The chain's title; null when it has none.</summary>
    public string? ChainTitle { get; init; }

    /// <summary>The entry's number in its chain.</summary>
    public required int EntryId { get; init; }

    /// <summary>The message the line's present form came from.</summary>
    public required string MsgId { get; init; }

    /// <summary>Who added the line (for a 代登记, the volunteer), by sender id.</summary>
    public required string AddedBy { get; init; }

    /// <summary>Their display name in the group, when known.</summary>
    public string? AddedByName { get; init; }

    /// <summary>True for a registration that stands (not a cancellation).</summary>
    public bool IsActive => Status == EntryStatus.Active;
}
