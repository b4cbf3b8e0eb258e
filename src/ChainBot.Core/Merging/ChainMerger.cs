using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Commands;
using ChainBot.Core.Messages;
using ChainBot.Core.Parsing;
using ChainBot.Core.Text;

namespace ChainBot.Core.Merging;

/// <summary>
/// Merges a group's messages into its chains (design.md, "Merger"): <c>(GroupState, IncomingMessage) →
/// (GroupState, events)</c>, with no I/O. A message is a copy of a chain (or a new chain), a native 接龙, a reply to a
/// chain (a resident's own line, a change, a cancellation, a volunteer's offline lines), a command to the bot, or
/// chatter. Lines are matched by content and household, never by their number; nothing is ever dropped.
/// </summary>
/// <remarks>Immutable and thread-safe; one instance serves any number of groups with the same roles.</remarks>
public sealed partial class ChainMerger
{
    /// <summary>A merger with the default parser and no configured roles.</summary>
    public static ChainMerger Default { get; } = new();

    private readonly ChainParser _parser;
    private readonly GroupRoles _roles;

    /// <summary>A merger reading posts with <paramref name="parser"/>, in a group whose coordinators and volunteers are <paramref name="roles"/>.</summary>
    public ChainMerger(ChainParser? parser = null, GroupRoles? roles = null)
    {
        _parser = parser ?? ChainParser.Default;
        _roles = roles ?? GroupRoles.None;
    }

    /// <summary>The group's state after <paramref name="message"/>, and what the message did.</summary>
    /// <remarks>A message already merged (same <see cref="IncomingMessage.MsgId"/>) changes nothing.</remarks>
    public MergeResult Apply(GroupState state, IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(message);
        if (state.HasSeen(message.MsgId))
            return new MergeResult(state, [new MessageIgnored(message.MsgId, "duplicate")]);

        var turn = new Turn(message, state.MessageCount + 1);
        var next = state with { Seen = state.Seen.Add(message.MsgId), MessageCount = turn.Ordinal };
        next = Merge(next, turn);
        return new MergeResult(next, turn.Events.ToImmutable());
    }

    /// <summary>Merges a whole history in order, from an empty group.</summary>
    public GroupState Replay(IEnumerable<IncomingMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var state = GroupState.Empty;
        foreach (var message in messages)
            state = Apply(state, message).State;
        return state;
    }

    private GroupState Merge(GroupState state, Turn turn)
    {
        var message = turn.Message;
        if (CommandReader.TryRead(message.Text, out var command))
            return Command(state, turn, command);
        if (message.Solitaire is { Items.IsDefaultOrEmpty: false } solitaire)
            return Native(state, turn, solitaire);

        var post = _parser.Parse(message.Text, message.Time);
        if (post.IsChain || OpensAChain(post))
            return Copy(state, turn, post);
        return Reply(state, turn);
    }

    /// <summary>
    /// A header posted before anyone has signed (#接龙, a title, 例：… and an empty <c>1.</c>): the chain starts here,
    /// and its coordinator is whoever posted it. A titled header with the 接龙 marker, a catalogue or an example.
    /// </summary>
    private static bool OpensAChain(ChainPost post) =>
        post.Header.Title is not null
        && (post.Header.HasNativeMarker || !post.Header.Catalogue.IsDefaultOrEmpty || post.Header.Example is not null);

    private static GroupState Ignore(GroupState state, Turn turn, string kind)
    {
        turn.Events.Add(new MessageIgnored(turn.Message.MsgId, kind));
        return state with { Ignored = state.Ignored.Add(new IgnoredMessage(turn.Message.MsgId, kind)) };
    }

    private static GroupState Report(GroupState state, Turn turn, string reason)
    {
        turn.Events.Add(new MessageReported(turn.Message.MsgId, reason));
        var report = new MessageReport(turn.Message.MsgId, turn.Message.SenderId, reason, PhoneNumbers.MaskAll(turn.Message.Text))
        {
            Time = turn.Message.Time,
        };
        return state with { Reports = state.Reports.Add(report) };
    }

    private static GroupState Put(GroupState state, ChainEdit edit) =>
        state with { Chains = state.Chains.SetItem(edit.Original.Number - 1, edit.ToState()) };

    /// <summary>One message being merged: where it stands in the group, who sent it, and what it did.</summary>
    private sealed class Turn(IncomingMessage message, int ordinal)
    {
        public IncomingMessage Message { get; } = message;

        public int Ordinal { get; } = ordinal;

        public Provenance By { get; } = Provenance.Of(message);

        public ImmutableArray<MergeEvent>.Builder Events { get; } = ImmutableArray.CreateBuilder<MergeEvent>();
    }
}
