using System.Collections.Immutable;
using ChainBot.Core.Chains;

namespace ChainBot.Core.Tally;

/// <summary>The totals of a chain (统计): per building, and for the whole compound.</summary>
/// <param name="Buildings">One row per building (楼), in natural order (2 before 10; no building last).</param>
/// <param name="Total">The compound's totals.</param>
public sealed record ChainTally(ImmutableArray<BuildingTally> Buildings, TallyTotal Total)
{
    /// <summary>Totals a post's active entries; cancelled entries count nowhere.</summary>
    public static ChainTally Compute(ChainPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var builder = new TallyBuilder(post.Header.Catalogue);
        foreach (var entry in post.Entries)
            builder.Add(entry);
        return builder.Build();
    }
}

/// <summary>One building's totals: households, quantities per item and unit, money due.</summary>
/// <param name="Area">The compound part, or null.</param>
/// <param name="Building">The building, or null for entries that name none (a roster of names).</param>
/// <param name="Households">Distinct households with at least one active entry.</param>
/// <param name="Items">Quantity per item and unit, in catalogue order, then first-seen order.</param>
/// <param name="Amount">Money due: Σ price × quantity, in yuan.</param>
public sealed record BuildingTally(string? Area, string? Building, int Households, ImmutableArray<ItemQuantity> Items, decimal Amount);

/// <summary>The compound's totals.</summary>
/// <param name="Households">Distinct households with at least one active entry.</param>
/// <param name="Items">Quantity per item and unit.</param>
/// <param name="Amount">Money due, in yuan.</param>
public sealed record TallyTotal(int Households, ImmutableArray<ItemQuantity> Items, decimal Amount);
