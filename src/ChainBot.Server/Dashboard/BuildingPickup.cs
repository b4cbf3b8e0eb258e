using System.Collections.Immutable;
using ChainBot.Core.Merging;
using ChainBot.Core.Tally;

namespace ChainBot.Server.Dashboard;

/// <summary>One building's pickup progress (领取进度): households with goods to collect, and how many collected.</summary>
/// <param name="Area">The compound part, or null.</param>
/// <param name="Building">The building, or null for lines that name none.</param>
/// <param name="Households">Households in the building's tally.</param>
/// <param name="Collected">Of those, the households registered as collected (已领).</param>
internal sealed record BuildingPickup(string? Area, string? Building, int Households, int Collected)
{
    /// <summary>
    /// Every building of <paramref name="tally"/>, in its order: its households, and those of them in the chain's
    /// <see cref="ChainState.PickedUp"/>. Pure.
    /// </summary>
    public static ImmutableArray<BuildingPickup> Of(ChainState chain, ChainTally tally)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(tally);
        // The households that count are the tally's: active lines, late ones only once accepted.
        var collected = chain.Entries
            .Where(static entry => entry.Counts)
            .Select(static entry => entry.Entry.Household)
            .Distinct()
            .Where(chain.PickedUp.ContainsKey)
            .CountBy(static household => (household.Area, household.Building))
            .ToDictionary(static pair => pair.Key, static pair => pair.Value);
        return [.. tally.Buildings.Select(building => new BuildingPickup(
            building.Area, building.Building, building.Households, collected.GetValueOrDefault((building.Area, building.Building))))];
    }
}
