using System.Collections.Immutable;

namespace ChainBot.Core.Ledgers;

/// <summary>
/// One household (户) in a ledger: every registration it made, newest first. The newest is its current one unless
/// it was a cancellation (取消), which ends the current registration and stays in the history.
/// </summary>
/// <param name="Registrations">Every registration, newest first; never empty.</param>
public sealed record LedgerHousehold(ImmutableArray<LedgerRegistration> Registrations)
{
    /// <summary>The newest registration, a cancellation included.</summary>
    public LedgerRegistration Latest => Registrations[0];

    /// <summary>The registration that stands; null when the household's latest line cancelled it.</summary>
    public LedgerRegistration? Current => Latest.IsActive ? Latest : null;

    /// <summary>Every registration before the current one, newest first: all of them when there is no current one.</summary>
    public ImmutableArray<LedgerRegistration> History => Current is null ? Registrations : Registrations[1..];

    /// <summary>How many times the household registered (cancellations not counted): the export's 次数.</summary>
    public int Count => Registrations.Count(static r => r.IsActive);
}
