using System.Collections.Immutable;
using ChainBot.Core.Messages;

namespace ChainBot.Storage.Tests.Contract;

public class RoundTripTests(string store) : ContractTestBase(store)
{
    /// A native 接龙 with everything a round trip can lose: emoji, quotes, CR LF, ticks, offsets, absent members.
    internal static readonly IncomingMessage Native = new(
        "msg-native-1",
        "group@chatroom",
        "wxid_leader",
        "团长 🍅 Lily",
        new DateTimeOffset(2022, 4, 18, 21, 5, 7, 123, TimeSpan.FromHours(8)).AddTicks(4567),
        "#接龙\n4月18日 蔬菜套餐 68元/份\r\n\n1. 12号301 王阿姨 1份 🥬🥕\n2. 15-502 李 \"两份\" \\ 备注\t👨‍👩‍👧",
        Mentioned: true,
        Solitaire: new Solitaire(
        [
            new SolitaireItem("20-11", "wxid_wang", new DateTimeOffset(2022, 4, 18, 21, 0, 0, TimeSpan.FromHours(8))),
            new SolitaireItem("32-14", null, null),
            new SolitaireItem(null, "wxid_li", new DateTimeOffset(2022, 4, 18, 13, 1, 2, TimeSpan.Zero)),
        ]));

    [Test]
    public async Task A_message_with_a_solitaire_emoji_and_newlines_comes_back_exactly()
    {
        var store = Open();
        var received = new DateTimeOffset(2022, 4, 18, 21, 5, 8, 999, TimeSpan.FromHours(8)).AddTicks(1);
        var accepted = await store.AcceptAsync(new InboxMessage("wechat:main", Native, received));

        var pending = await store.PendingAsync(Native.GroupId, 10);

        Assert.That(pending, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pending[0].Id, Is.EqualTo(accepted.Id));
            Assert.That(pending[0].Channel, Is.EqualTo("wechat:main"));
            Assert.That(pending[0].ReceivedAt, Is.EqualTo(received.AddTicks(-(received.UtcTicks % TimePrecision.Ticks))), "the same instant, to the store's precision");
            Assert.That(pending[0].ReceivedAt.Offset, Is.EqualTo(TimeSpan.Zero), "columns hold UTC");
        }
        MessageAssert.AreSame(pending[0].Message, Native);
    }

    [Test]
    public async Task A_processed_message_comes_back_exactly_in_the_history()
    {
        var store = Open();
        var accepted = await store.AcceptAsync(Inbox(Native));
        await store.CompleteAsync([accepted.Id], []);

        var processed = await store.ProcessedAsync(Native.GroupId);

        Assert.That(processed, Has.Count.EqualTo(1));
        MessageAssert.AreSame(processed[0].Message, Native);
    }

    [Test]
    public async Task No_sender_name_no_solitaire_and_an_empty_solitaire_stay_as_they_were()
    {
        var store = Open();
        var bare = new IncomingMessage("m1", "g1", "s1", null, new DateTimeOffset(2022, 4, 18, 9, 0, 0, TimeSpan.FromHours(-5)), "");
        var empty = bare with { MsgId = "m2", Solitaire = new Solitaire([]) };
        var defaulted = bare with { MsgId = "m3", Solitaire = new Solitaire(default) };
        await store.AcceptAsync(Inbox(bare));
        await store.AcceptAsync(Inbox(empty));
        await store.AcceptAsync(Inbox(defaulted));

        var pending = await store.PendingAsync("g1", 10);

        MessageAssert.AreSame(pending[0].Message, bare);
        MessageAssert.AreSame(pending[1].Message, empty);
        // A default array cannot be enumerated; it is kept as the empty list it stands for.
        MessageAssert.AreSame(pending[2].Message, empty with { MsgId = "m3" });
    }

    [Test]
    public async Task A_reply_comes_back_exactly_from_the_outbox()
    {
        var store = Open();
        var id = (await store.AcceptAsync(Inbox("m1"))).Id;
        var reply = new OutboxReply("m1#1", "wecom:app1", "g1", "m1", ["wxid_a", "wxid_🍅"], "已登记 ✅\n3号楼: 2份\n\"引号\" \\");
        var noMentions = new OutboxReply("m1#2", "wecom:app1", "g1", null, default, "第二条");
        await store.CompleteAsync([id], [reply, noMentions]);

        var due = await store.DueRepliesAsync(Clock.Now, 10);

        Assert.That(due, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(due[0].Reply with { Mentions = default }, Is.EqualTo(reply with { Mentions = default }));
            Assert.That(due[0].Reply.Mentions, Is.EqualTo(reply.Mentions));
            Assert.That(due[0].Attempts, Is.Zero);
            Assert.That(due[0].LastError, Is.Null);
            Assert.That(due[1].Reply.InReplyTo, Is.Null);
            Assert.That(due[1].Reply.Mentions, Is.EqualTo(ImmutableArray<string>.Empty));
        }
    }

}
