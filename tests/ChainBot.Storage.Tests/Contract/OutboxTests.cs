namespace ChainBot.Storage.Tests.Contract;

public class OutboxTests(string store) : ContractTestBase(store)
{
    private async Task<(IChainBotStore Store, long[] Ids)> QueueAsync(int count)
    {
        var store = Open();
        var m = await store.AcceptAsync(Inbox("m1"));
        var replies = Enumerable.Range(1, count).Select(i => new OutboxReply("m1#" + i, "generic", "g1", "m1", [], "part " + i)).ToArray();
        await store.CompleteAsync([m.Id], replies);
        var due = await store.DueRepliesAsync(Clock.Now, 100);
        return (store, due.Select(r => r.Id).ToArray());
    }

    [Test]
    public async Task New_replies_are_due_at_once_oldest_first_up_to_max()
    {
        var (store, ids) = await QueueAsync(5);

        Assert.That(ids, Has.Length.EqualTo(5));
        Assert.That(ids, Is.Ordered.Ascending);
        Assert.That((await store.DueRepliesAsync(Clock.Now, 2)).Select(r => r.Id), Is.EqualTo(ids[..2]));
        Assert.That(await store.DueRepliesAsync(Clock.Now.AddTicks(-1), 10), Is.Empty, "not due before they were created");
    }

    [Test]
    public async Task A_sent_reply_is_never_due_again()
    {
        var (store, ids) = await QueueAsync(2);

        await store.MarkSentAsync(ids[0], Clock.Now);

        Assert.That((await store.DueRepliesAsync(Clock.Now.AddDays(1), 10)).Select(r => r.Id), Is.EqualTo(new[] { ids[1] }));
        var health = await store.HealthAsync();
        Assert.That(health.PendingReplies, Is.EqualTo(1));
    }

    [Test]
    public async Task A_reply_waits_behind_an_earlier_one_of_its_group_that_waits_for_a_retry()
    {
        var (store, ids) = await QueueAsync(3);
        await store.RetryLaterAsync(ids[0], Clock.Now.AddMinutes(1), "HTTP 500");

        Assert.That(await store.DueRepliesAsync(Clock.Now, 10), Is.Empty, "parts 2 and 3 wait for part 1");
        Assert.That((await store.DueRepliesAsync(Clock.Now.AddMinutes(1), 10)).Select(r => r.Id), Is.EqualTo(ids), "all due once part 1 is");
        await store.ParkAsync(ids[0], "gone");
        Assert.That((await store.DueRepliesAsync(Clock.Now, 10)).Select(r => r.Id), Is.EqualTo(ids[1..]), "a parked reply holds nothing back");
    }

    [Test]
    public async Task A_reply_is_taken_once_and_never_after_it_was_sent_or_parked()
    {
        var (store, ids) = await QueueAsync(3);
        await store.MarkSentAsync(ids[1], Clock.Now);
        await store.ParkAsync(ids[2], "no route");

        Assert.That(await store.TryTakeAsync("m1#1", Clock.Now), Is.True);
        Assert.That(await store.TryTakeAsync("m1#1", Clock.Now), Is.False, "taken already");
        Assert.That(await store.TryTakeAsync("m1#2", Clock.Now), Is.False, "sent by the outbox");
        Assert.That(await store.TryTakeAsync("m1#3", Clock.Now), Is.False, "parked");
        Assert.That(await store.TryTakeAsync("m9#1", Clock.Now), Is.False, "no such reply");
        Assert.That(await store.DueRepliesAsync(Clock.Now.AddDays(1), 10), Is.Empty);
    }

    [Test]
    public async Task A_reply_to_retry_waits_for_its_time_and_counts_its_attempts()
    {
        var (store, ids) = await QueueAsync(1);
        var first = Clock.Now.AddSeconds(30);
        var second = Clock.Now.AddMinutes(5);

        await store.RetryLaterAsync(ids[0], first, "HTTP 503");
        Assert.That(await store.DueRepliesAsync(first.AddTicks(-1), 10), Is.Empty);
        var due = await store.DueRepliesAsync(first, 10);
        Assert.That(due, Has.Count.EqualTo(1));
        Assert.That(due[0].Attempts, Is.EqualTo(1));
        Assert.That(due[0].LastError, Is.EqualTo("HTTP 503"));

        await store.RetryLaterAsync(ids[0], second, "timeout");
        Assert.That(await store.DueRepliesAsync(first, 10), Is.Empty);
        due = await store.DueRepliesAsync(second.AddHours(1), 10);
        Assert.That(due[0].Attempts, Is.EqualTo(2));
        Assert.That(due[0].LastError, Is.EqualTo("timeout"));

        await store.MarkSentAsync(ids[0], second);
        Assert.That(await store.DueRepliesAsync(second.AddDays(1), 10), Is.Empty);
    }

    [Test]
    public async Task Due_times_compare_as_instants_whatever_their_offset()
    {
        var (store, ids) = await QueueAsync(1);
        // 10:00 in Shanghai is 02:00 UTC, half an hour after T0.
        var next = new DateTimeOffset(2022, 4, 18, 10, 0, 0, TimeSpan.FromHours(8));

        await store.RetryLaterAsync(ids[0], next, "busy");

        Assert.That(await store.DueRepliesAsync(new DateTimeOffset(2022, 4, 18, 1, 59, 59, TimeSpan.Zero), 10), Is.Empty);
        Assert.That(await store.DueRepliesAsync(new DateTimeOffset(2022, 4, 17, 21, 0, 0, TimeSpan.FromHours(-5)), 10), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_parked_reply_is_never_due_and_is_counted_apart()
    {
        var (store, ids) = await QueueAsync(3);

        await store.RetryLaterAsync(ids[0], Clock.Now, "HTTP 503");
        await store.ParkAsync(ids[0], "errcode 93000: invalid webhook key");
        await store.ParkAsync(ids[0], "parked twice");
        await store.MarkSentAsync(ids[0], Clock.Now);
        await store.RetryLaterAsync(ids[0], Clock.Now, "retry after park");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await store.DueRepliesAsync(Clock.Now.AddDays(1), 10)).Select(r => r.Id), Is.EqualTo(ids[1..]));
            Assert.That((await store.HealthAsync()).Counts(), Is.EqualTo(new StoreHealth(true, 0, 2, 1)));
            Assert.That(Scalar($"SELECT count(*) FROM outbox WHERE id = {ids[0]} AND last_error = 'errcode 93000: invalid webhook key' AND attempts = 1 AND sent_at IS NULL AND parked_at = '2022-04-18T01:30:00.0000000Z'"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Calls_about_an_unknown_reply_change_nothing()
    {
        var (store, ids) = await QueueAsync(1);

        await store.MarkSentAsync(999, Clock.Now);
        await store.RetryLaterAsync(999, Clock.Now, "x");
        await store.ParkAsync(999, "x");

        Assert.That((await store.DueRepliesAsync(Clock.Now, 10)).Select(r => r.Id), Is.EqualTo(ids));
    }
}
