using System.Collections.Immutable;

namespace ChainBot.Core.Ledgers;

/// <summary>
/// A standing ledger (台账) of a compound: every household any of its roster chains registered, in building order
/// (natural: 2 before 10), then room, each with its current registration and its history.
/// </summary>
/// <param name="Name">The ledger's name (配药).</param>
/// <param name="Households">Every household that ever registered, cancelled ones included, in building then room order.</param>
/// <param name="Chains">How many chains fed the ledger.</param>
public sealed record Ledger(string Name, ImmutableArray<LedgerHousehold> Households, int Chains)
{
    /// <summary>The households whose registration stands, in the same order.</summary>
    public IEnumerable<LedgerHousehold> Current => Households.Where(static h => h.Current is not null);

    /// <summary>How many households' registrations stand.</summary>
    public int CurrentCount => Households.Count(static h => h.Current is not null);
}
