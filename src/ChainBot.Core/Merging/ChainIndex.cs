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
/// <param name="Known">
/// For each copy that added lines: the entries its copier had seen (see <see cref="LatestCopy"/>).
/// </param>
/// <param name="Latest">The latest full copy of the chain, for lines it dropped; null before the first.</param>
internal sealed record ChainIndex(
    ImmutableDictionary<string, int> Lines,
    ImmutableDictionary<HouseholdId, ImmutableArray<int>> Households,
    ImmutableDictionary<string, int> Authors,
    ImmutableHashSet<string> UnreadLines,
    ImmutableDictionary<string, ImmutableArray<ulong>> Known,
    LatestCopy? Latest)
{
    public static ChainIndex Empty { get; } = new(
        ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<HouseholdId, ImmutableArray<int>>.Empty,
        ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal),
        ImmutableDictionary<string, ImmutableArray<ulong>>.Empty.WithComparers(StringComparer.Ordinal),
        null);
}

/// <summary>
/// The latest full copy of a chain: which entries it carried, and which its copier had seen. A copier who carries a
/// line has seen the copy that added it, and all that copy's copier had seen: so a line is known to have been seen
/// only along the copies it came down, and two people copying one version at once drop nothing of each other's.
/// A line the copier had seen and left out was dropped.
/// </summary>
/// <param name="MsgId">The copy's message.</param>
/// <param name="Carried">The entries it carried, as bits (bit i: entry i + 1).</param>
/// <param name="Known">The entries its copier had seen, as bits.</param>
internal sealed record LatestCopy(string MsgId, ImmutableArray<ulong> Carried, ImmutableArray<ulong> Known)
{
    public bool Dropped(MergedEntry entry) => EntrySet.Contains(Known, entry.Id) && !EntrySet.Contains(Carried, entry.Id);
}
