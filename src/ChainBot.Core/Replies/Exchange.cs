using System.Collections.Immutable;
using ChainBot.Core.Merging;
using ChainBot.Core.Messages;

namespace ChainBot.Core.Replies;

/// <summary>
/// One message being answered: what it said, what the merger made of it, the group as it now stands, and who the
/// sender is to each chain.
/// </summary>
internal sealed class Exchange(IncomingMessage message, MergeResult result, ReplyContext context)
{
    /// <summary>The message being answered.</summary>
    public IncomingMessage Message { get; } = message;

    /// <summary>The group after the message.</summary>
    public GroupState State { get; } = result.State;

    /// <summary>What the message did, in order.</summary>
    public ImmutableArray<MergeEvent> Events { get; } = result.Events;

    /// <summary>The server's settings for this group and what it knows of the sender.</summary>
    public ReplyContext Context { get; } = context;

    /// <summary>The sender's id.</summary>
    public string Sender => Message.SenderId;

    /// <summary>True when the sender runs <paramref name="chain"/>: a configured coordinator, or its opener.</summary>
    public bool Runs(ChainState chain) => Context.SenderIsCoordinator || chain.OpenedBy.SenderId == Sender;

    /// <summary>The first event of a kind the message gave, if any.</summary>
    public T? First<T>() where T : MergeEvent => Events.OfType<T>().FirstOrDefault();

    /// <summary>The chain with the given number, or null.</summary>
    public ChainState? Chain(int? number) => number is int n && n >= 1 && n <= State.Chains.Count ? State.Chain(n) : null;
}
