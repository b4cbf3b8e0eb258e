using System.Collections.Immutable;
using ChainBot.Core.Chains;

namespace ChainBot.Core.Merging;

/// <summary>
/// How the merger finds a chain's entries without comparing a copy with each of them: by the normalized text of
/// every version of every line, by household, and for a native 接龙 by author.
/// </summary>
/// <param name="Lines">Line key (<see cref="LineKeys"/>) → entry id, for every version of a line ever seen.</param>
/// <param name="Households">Household → its entries' ids, in the order added.</param>
/// <param name="Authors">Native 接龙: "author#k" (the author's k-th entry) → entry id.</param>
/// <param name="UnreadLines">Keys of the unread lines already reported.</param>
/// <param name="EverCarried">The entries some full copy of the chain carried, as bits (bit i: entry i + 1).</param>
/// <param name="Latest">The latest full copy of the chain, for lines it dropped; null before the first.</param>
internal sealed record ChainIndex(
    ImmutableDictionary<string, int> Lines,
    ImmutableDictionary<HouseholdId, ImmutableArray<int>> Households,
    ImmutableDictionary<string, int> Authors,
    ImmutableHashSet<string> UnreadLines,
    ImmutableArray<ulong> EverCarried,
    LatestCopy? Latest)
{
    public static ChainIndex Empty { get; } = new(
        ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<HouseholdId, ImmutableArray<int>>.Empty,
        ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal),
        [],
        null);
}

/// <summary>
/// The latest full copy of a chain, and how far its copier had seen: the latest line it carries that another
/// message added. A line it leaves out although a full copy carried it before and the copier had seen past it is
/// "missing from the latest copy": the version people now copy has lost it. Two people copying one version at once
/// have seen nothing past each other's lines, so neither drops the other's.
/// </summary>
/// <param name="MsgId">The copy's message.</param>
/// <param name="Carried">The entries it carried, as bits (bit i: entry i + 1).</param>
/// <param name="Horizon">The latest <see cref="MergedEntry.AddedOrdinal"/> among the lines it carried that others added.</param>
internal sealed record LatestCopy(string MsgId, ImmutableArray<ulong> Carried, int Horizon)
{
    public bool Dropped(MergedEntry entry, ImmutableArray<ulong> everCarried) =>
        !EntrySet.Contains(Carried, entry.Id) && EntrySet.Contains(everCarried, entry.Id)
        && entry.AddedOrdinal <= Horizon && entry.Added.MsgId != MsgId;
}
