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
/// <param name="Latest">The latest full copy of the chain, for lines it dropped; null before the first.</param>
internal sealed record ChainIndex(
    ImmutableDictionary<string, int> Lines,
    ImmutableDictionary<HouseholdId, ImmutableArray<int>> Households,
    ImmutableDictionary<string, int> Authors,
    ImmutableHashSet<string> UnreadLines,
    LatestCopy? Latest)
{
    public static ChainIndex Empty { get; } = new(
        ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<HouseholdId, ImmutableArray<int>>.Empty,
        ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal),
        null);
}

/// <summary>
/// The latest full copy of a chain: which entries it carried, and how far its copier had seen. A line it left out
/// was dropped only if the copy carries a line added after it; otherwise the copier worked from a version without
/// it (two people copying one version at once) and nothing was dropped.
/// </summary>
/// <param name="MsgId">The copy's message.</param>
/// <param name="Carried">Bit i set: the copy carried entry i + 1.</param>
/// <param name="Horizon">The latest <see cref="MergedEntry.AddedOrdinal"/> among the lines it carried that others added.</param>
internal sealed record LatestCopy(string MsgId, ImmutableArray<ulong> Carried, int Horizon)
{
    public bool Carries(int id) =>
        (id - 1) >> 6 < Carried.Length && (Carried[(id - 1) >> 6] & (1UL << ((id - 1) & 63))) != 0;

    public bool Dropped(MergedEntry entry) =>
        !Carries(entry.Id) && entry.AddedOrdinal <= Horizon && entry.Added.MsgId != MsgId;
}
