using System.Collections.Immutable;
using ChainBot.Core.Messages;
using ChainBot.Core.Parsing;

namespace ChainBot.Core.Merging;

/// <summary>
/// Rebuilds a group's state from its processed messages (design.md, "Guarantees"): each merged with the roles the
/// group had when it was received (<see cref="RoleTimeline"/>), so a restarted server and an offline export give the
/// state the messages made when they were processed. The one place both do it, so they cannot drift apart.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class GroupHistory
{
    /// <summary>Merges <paramref name="history"/> in order, from an empty group.</summary>
    /// <param name="history">The group's processed messages, in the order they were processed.</param>
    /// <param name="roles">The group's roles over time.</param>
    /// <param name="parser">The parser the server reads posts with; the default parser when null.</param>
    /// <returns>
    /// The state, and the messages the merger failed on: skipped as they were when processed, so the history stays
    /// replayable should a merger bug throw.
    /// </returns>
    public static HistoryReplay Replay(IEnumerable<ProcessedMessage> history, RoleTimeline roles, ChainParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(roles);
        var state = GroupState.Empty;
        var skipped = ImmutableArray.CreateBuilder<SkippedMessage>();
        int inForce = 0;
        var merger = new ChainMerger(parser, roles.With(0));
        foreach (var (message, receivedAt) in history)
        {
            int now = roles.InForceAt(receivedAt);
            if (now != inForce)
            {
                inForce = now;
                merger = new ChainMerger(parser, roles.With(inForce));
            }
            try
            {
                state = merger.Apply(state, message).State;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                skipped.Add(new SkippedMessage(message.MsgId, e));
            }
        }
        return new HistoryReplay(state, skipped.ToImmutable());
    }
}

/// <summary>A message of a group's history, and when the server received it (which decides the roles it is merged with).</summary>
/// <param name="Message">The message.</param>
/// <param name="ReceivedAt">When the server took it into its inbox.</param>
public sealed record ProcessedMessage(IncomingMessage Message, DateTimeOffset ReceivedAt);

/// <summary>What <see cref="GroupHistory.Replay"/> made of a history.</summary>
/// <param name="State">The group's state after every message.</param>
/// <param name="Skipped">The messages the merger failed on, in order.</param>
public sealed record HistoryReplay(GroupState State, ImmutableArray<SkippedMessage> Skipped);

/// <summary>A message the merger failed on, skipped.</summary>
/// <param name="MsgId">The message.</param>
/// <param name="Error">What the merger threw.</param>
public sealed record SkippedMessage(string MsgId, Exception Error);
