using ChainBot.Core.Merging;

namespace ChainBot.Cli.Input;

/// <summary>One group of a transcript, its messages merged: what <c>replay</c> and a transcript's <c>tally</c> report.</summary>
/// <param name="GroupId">The group's id; null for messages that name no group.</param>
/// <param name="State">The group's chains, ignored messages and reports after its messages.</param>
internal sealed record ReplayedGroup(string? GroupId, GroupState State);
