using System.Collections.Immutable;

namespace ChainBot.Core.Ledgers;

/// <summary>
/// One standing ledger (台账) a compound keeps, and the words in a chain's title that make the chain feed it:
/// 配药 is fed by 配药, 代配药, 配药登记.
/// </summary>
/// <param name="Name">The ledger's name as coordinators ask for it (<c>台账 配药</c>).</param>
/// <param name="Words">The words that, found in a chain's title, make it feed this ledger; the name is always one.</param>
public sealed record LedgerDefinition(string Name, ImmutableArray<string> Words)
{
    /// <summary>A ledger fed by chains whose title holds its name or any of <paramref name="words"/>.</summary>
    public static LedgerDefinition Of(string name, params string[] words)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(words);
        name = name.Trim();
        return new LedgerDefinition(name, [.. words.Select(static w => w.Trim()).Where(static w => w.Length > 0).Prepend(name).Distinct(StringComparer.Ordinal)]);
    }
}
