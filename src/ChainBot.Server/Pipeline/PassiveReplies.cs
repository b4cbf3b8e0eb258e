using System.Collections.Concurrent;
using ChainBot.Storage;

namespace ChainBot.Server.Pipeline;

/// <summary>
/// The pushes an Official Account endpoint is holding open, hoping to answer within WeChat's 5 seconds with a passive
/// reply (wechat-protocol.md §1.3). The inbox processor tells it when a held message is processed and which replies
/// it queued; the outbox sender leaves those replies alone while the hold lasts. Whatever the endpoint does not take
/// (it timed out, or the reply is not the first) the outbox sends afterwards, through the customer-service API.
/// </summary>
/// <remarks>Per instance and in memory: after a crash nothing is held, and the outbox sends everything.</remarks>
internal sealed class PassiveReplies
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IReadOnlyList<OutboxReply>>> _held = new(StringComparer.Ordinal);

    /// <summary>True while some push is held: the processor need not look otherwise.</summary>
    public bool Any => !_held.IsEmpty;

    /// <summary>Holds a push; <paramref name="processed"/> completes with the message's replies once they are queued.</summary>
    public Hold Start(string channel, string msgId, out Task<IReadOnlyList<OutboxReply>> processed)
    {
        var waiting = new TaskCompletionSource<IReadOnlyList<OutboxReply>>(TaskCreationOptions.RunContinuationsAsynchronously);
        string key = Key(channel, msgId);
        _held[key] = waiting;
        processed = waiting.Task;
        return new Hold(this, key);
    }

    /// <summary>Tells a held push its message was processed, with the replies queued for it.</summary>
    public void Processed(InboxRecord record, IReadOnlyList<OutboxReply> replies)
    {
        if (_held.TryGetValue(Key(record.Channel, record.Message.MsgId), out var waiting))
            waiting.TrySetResult(replies);
    }

    /// <summary>True when <paramref name="reply"/> answers a push still held: the outbox must wait.</summary>
    public bool IsHeld(OutboxReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (_held.IsEmpty || reply.InReplyTo is null)
            return false;
        // A customer-service route is wechat:{account}:{openid}; the push came in on wechat:{account}.
        int user = reply.Channel.IndexOf(':', reply.Channel.IndexOf(':', StringComparison.Ordinal) + 1);
        string channel = user < 0 ? reply.Channel : reply.Channel[..user];
        return _held.ContainsKey(Key(channel, reply.InReplyTo));
    }

    private static string Key(string channel, string msgId) => channel + "\n" + msgId;

    /// <summary>A held push; disposing it lets the outbox send what the endpoint did not take.</summary>
    public readonly struct Hold(PassiveReplies owner, string key) : IDisposable
    {
        public void Dispose() => owner._held.TryRemove(key, out _);
    }
}
