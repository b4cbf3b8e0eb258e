using ChainBot.Core.Merging;

namespace ChainBot.Core.Ledgers;

/// <summary>One group (群) a ledger is built from: a compound with several building groups has one source each.</summary>
/// <param name="GroupId">The group's id; null for messages that name none.</param>
/// <param name="State">The group's chains as merged.</param>
public sealed record LedgerSource(string? GroupId, GroupState State);
