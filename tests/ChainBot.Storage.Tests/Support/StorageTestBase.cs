using ChainBot.Core.Messages;

namespace ChainBot.Storage.Tests.Support;

/// What every store test starts from: a clock of its own at <see cref="T0"/>, and messages to store.
public abstract class StorageTestBase
{
    protected static readonly DateTimeOffset T0 = new(2022, 4, 18, 9, 30, 0, TimeSpan.FromHours(8));

    private protected ManualClock Clock { get; private set; } = new(T0);

    [SetUp]
    public void ResetClock() => Clock = new ManualClock(T0);

    protected static IncomingMessage Message(string msgId, string group = "g1", string text = "1. 12号301 王阿姨 1份", DateTimeOffset? time = null) =>
        new(msgId, group, "wxid_" + msgId, "王阿姨", time ?? T0, text);

    protected static InboxMessage Inbox(string msgId, string group = "g1", string channel = "generic") =>
        new(channel, Message(msgId, group), T0.AddSeconds(1));

    protected static InboxMessage Inbox(IncomingMessage message, string channel = "generic") =>
        new(channel, message, T0.AddSeconds(1));
}
