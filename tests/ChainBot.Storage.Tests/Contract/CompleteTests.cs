namespace ChainBot.Storage.Tests.Contract;

public class CompleteTests(string store) : ContractTestBase(store)
{
    private static OutboxReply Reply(string replyId, string text = "已登记", string group = "g1") =>
        new(replyId, "generic", group, replyId.Split('#')[0], ["wxid_a"], text);

    [Test]
    public async Task Completing_marks_the_messages_processed_and_queues_their_replies()
    {
        var store = Open();
        var m1 = await store.AcceptAsync(Inbox("m1"));
        var m2 = await store.AcceptAsync(Inbox("m2"));

        await store.CompleteAsync([m1.Id, m2.Id], [Reply("m1#1"), Reply("m2#1"), Reply("m2#2")]);

        var due = await store.DueRepliesAsync(Clock.Now, 10);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await store.PendingAsync("g1", 10), Is.Empty);
            Assert.That(due.Select(r => r.Reply.ReplyId), Is.EqualTo(new[] { "m1#1", "m2#1", "m2#2" }));
            Assert.That(Scalar("SELECT count(*) FROM inbox WHERE processed_at = '2022-04-18T01:30:00.0000000Z'"), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task A_reply_that_cannot_be_written_undoes_the_whole_completion_and_nothing_else()
    {
        var store = Open();
        var m1 = await store.AcceptAsync(Inbox("m1"));
        var m2 = await store.AcceptAsync(Inbox("m2"));
        // A null text breaks NOT NULL after the inbox update and the first reply were written in the transaction.
        var broken = Reply("m1#2") with { Text = null! };

        var failing = store.CompleteAsync([m1.Id], [Reply("m1#1"), broken]);
        var beside = store.CompleteAsync([m2.Id], [Reply("m2#1")]);

        Assert.That(async () => await failing, Throws.Exception);
        await beside;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await store.PendingAsync("g1", 10)).Select(r => r.Message.MsgId), Is.EqualTo(new[] { "m1" }));
            Assert.That((await store.DueRepliesAsync(Clock.Now, 10)).Select(r => r.Reply.ReplyId), Is.EqualTo(new[] { "m2#1" }));
        }

        // Processed again, it completes as if the first try had never been.
        await store.CompleteAsync([m1.Id], [Reply("m1#1"), Reply("m1#2")]);
        Assert.That((await store.DueRepliesAsync(Clock.Now, 10)).Select(r => r.Reply.ReplyId), Is.EqualTo(new[] { "m2#1", "m1#1", "m1#2" }));
    }

    [Test]
    public async Task A_reader_never_sees_replies_of_a_message_still_pending_nor_a_processed_message_without_its_reply()
    {
        var store = Open();
        const int count = 300;
        var ids = new long[count];
        for (int i = 0; i < count; i++)
            ids[i] = (await store.AcceptAsync(Inbox("m" + i))).Id;

        var writer = Task.Run(async () =>
        {
            for (int i = 0; i < count; i++)
                await store.CompleteAsync([ids[i]], [Reply($"m{i}#1")]);
        });
        int looks = 0;
        while (!writer.IsCompleted || looks == 0)
        {
            // Both counts in one statement: one snapshot of the database.
            long unanswered = Scalar("SELECT (SELECT count(*) FROM inbox WHERE processed_at IS NOT NULL) - (SELECT count(*) FROM outbox)");
            Assert.That(unanswered, Is.Zero, "processed messages minus queued replies");
            looks++;
        }
        await writer;

        Assert.That(Scalar("SELECT count(*) FROM outbox"), Is.EqualTo(count));
        TestContext.Out.WriteLine($"{looks} snapshots looked at");
    }

    [Test]
    public async Task A_reply_id_is_queued_once_however_often_its_message_is_completed()
    {
        var store = Open();
        var m1 = await store.AcceptAsync(Inbox("m1"));

        await store.CompleteAsync([m1.Id], [Reply("m1#1", "first")]);
        await store.CompleteAsync([m1.Id], [Reply("m1#1", "second"), Reply("m1#1", "third")]);

        var due = await store.DueRepliesAsync(Clock.Now, 10);
        Assert.That(due, Has.Count.EqualTo(1));
        Assert.That(due[0].Reply.Text, Is.EqualTo("first"));
    }

    [Test]
    public async Task A_sent_reply_is_not_queued_again_when_its_message_is_reprocessed()
    {
        var store = Open();
        var m1 = await store.AcceptAsync(Inbox("m1"));
        await store.CompleteAsync([m1.Id], [Reply("m1#1")]);
        var due = await store.DueRepliesAsync(Clock.Now, 10);
        await store.MarkSentAsync(due[0].Id, Clock.Now);

        await store.CompleteAsync([m1.Id], [Reply("m1#1")]);

        Assert.That(await store.DueRepliesAsync(Clock.Now, 10), Is.Empty);
        Assert.That(Scalar("SELECT count(*) FROM outbox"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_second_completion_keeps_the_first_processed_time()
    {
        var store = Open();
        var m1 = await store.AcceptAsync(Inbox("m1"));
        await store.CompleteAsync([m1.Id], []);
        Clock.Now = Clock.Now.AddHours(1);

        await store.CompleteAsync([m1.Id], []);

        Assert.That(Scalar("SELECT count(*) FROM inbox WHERE processed_at = '2022-04-18T01:30:00.0000000Z'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Replies_alone_for_a_bots_own_message_are_queued()
    {
        var store = Open();

        await store.CompleteAsync([], [new OutboxReply("daily#2022-04-18", "generic", "g1", null, [], "今晚8点截止")]);
        await store.CompleteAsync([], []);

        Assert.That(await store.DueRepliesAsync(Clock.Now, 10), Has.Count.EqualTo(1));
    }
}
