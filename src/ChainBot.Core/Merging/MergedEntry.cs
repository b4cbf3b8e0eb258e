using ChainBot.Core.Chains;

namespace ChainBot.Core.Merging;

/// <summary>
/// One entry of a merged chain: the line as it stands now, whose it is, and who added and last changed it.
/// </summary>
/// <remarks>Immutable; the merger makes a new one for every change.</remarks>
public sealed record MergedEntry
{
    /// <summary>The entry's number in its chain, from 1, in the order entries were first seen; never reused.</summary>
    public required int Id { get; init; }

    /// <summary>The line as it stands: its latest version from its owner, a coordinator or a volunteer.</summary>
    public required ChainEntry Entry { get; init; }

    /// <summary>
    /// Whose line it is: the sender who added it (for a native 接龙, its author); null for a line added on a
    /// neighbour's behalf (代登记), which belongs to the household it names.
    /// </summary>
    public string? Owner { get; init; }

    /// <summary>Who first added the line, from which message and when.</summary>
    public required Provenance Added { get; init; }

    /// <summary>Who last changed it; null when it never changed.</summary>
    public Provenance? Changed { get; init; }

    /// <summary>
    /// Arrived after the deadline (or after <c>截止</c>): outside the tally until <see cref="Accepted"/>.
    /// </summary>
    public bool Late { get; init; }

    /// <summary>A coordinator accepted the late line (or its late change).</summary>
    public bool Accepted { get; init; }

    /// <summary>Someone other than the owner tried to change the line (see the chain's conflicts).</summary>
    public bool Conflicted { get; init; }

    /// <summary>A change the owner made after the deadline, waiting for a coordinator; null when none.</summary>
    public ChainEntry? LateChange { get; init; }

    /// <summary>Who made <see cref="LateChange"/>.</summary>
    public Provenance? LateChangeBy { get; init; }

    /// <summary>The position, among the group's messages, of the message that added the line.</summary>
    internal int AddedOrdinal { get; init; }

    /// <summary>True when the entry is in the chain's tally: active, and not a late line waiting for a coordinator.</summary>
    public bool Counts => Entry.Status == EntryStatus.Active && (!Late || Accepted);
}
