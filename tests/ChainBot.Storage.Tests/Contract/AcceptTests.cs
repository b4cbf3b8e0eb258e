namespace ChainBot.Storage.Tests.Contract;

public class AcceptTests(string store) : ContractTestBase(store)
{
    [Test]
    public async Task A_message_delivered_again_is_a_duplicate_with_the_first_id()
    {
        var store = Open();

        var first = await store.AcceptAsync(Inbox("m1"));
        var again = await store.AcceptAsync(Inbox("m1"));
        var other = await store.AcceptAsync(Inbox("m2"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Duplicate, Is.False);
            Assert.That(again, Is.EqualTo(new AcceptResult(first.Id, Duplicate: true)));
            Assert.That(other.Duplicate, Is.False);
            Assert.That(other.Id, Is.GreaterThan(first.Id));
            Assert.That(await store.PendingAsync("g1", 10), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task A_duplicate_after_processing_is_still_a_duplicate_and_is_not_pending_again()
    {
        var store = Open();
        var first = await store.AcceptAsync(Inbox("m1"));
        await store.CompleteAsync([first.Id], []);

        var again = await store.AcceptAsync(Inbox("m1"));

        Assert.That(again, Is.EqualTo(new AcceptResult(first.Id, Duplicate: true)));
        Assert.That(await store.PendingGroupsAsync(10), Is.Empty);
    }

    [Test]
    public async Task The_same_message_id_on_two_channels_is_two_messages()
    {
        var store = Open();

        var a = await store.AcceptAsync(Inbox("m1", channel: "wechat:main"));
        var b = await store.AcceptAsync(Inbox("m1", channel: "wecom:app1"));

        Assert.That(a.Duplicate || b.Duplicate, Is.False);
        Assert.That(b.Id, Is.Not.EqualTo(a.Id));
    }

    [Test]
    public async Task Fifty_concurrent_deliveries_of_one_message_store_one_row()
    {
        var store = Open();
        // A gate rather than a Barrier: fifty blocked pool threads would starve a two-core pool for seconds.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deliveries = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            return await store.AcceptAsync(Inbox("m1"));
        })).ToArray();

        gate.SetResult();
        var results = await Task.WhenAll(deliveries);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Count(r => !r.Duplicate), Is.EqualTo(1));
            Assert.That(results.Select(r => r.Id).Distinct().Count(), Is.EqualTo(1));
            Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Duplicates_queued_into_one_batch_with_other_messages_store_one_row_each()
    {
        var store = Open();
        // Not awaited one by one: they queue together and most go into the same transaction.
        var tasks = Enumerable.Range(0, 300).Select(i => store.AcceptAsync(Inbox("m" + (i % 7)))).ToArray();

        var results = await Task.WhenAll(tasks);

        var (commits, writes) = WriterStatistics(store);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(writes, Is.EqualTo(300));
            Assert.That(commits, Is.LessThan(300), "queued together, they are committed together");
            Assert.That(results.Count(r => !r.Duplicate), Is.EqualTo(7));
            Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(7));
            for (int i = 0; i < 300; i++)
                Assert.That(results[i].Id, Is.EqualTo(results[i % 7].Id));
        }
    }

    [Test]
    public async Task Concurrent_accepts_completes_and_outbox_writes_all_land()
    {
        var store = Open();
        var workers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (int i = 0; i < 40; i++)
            {
                string group = "g" + (w % 4);
                var accepted = await store.AcceptAsync(Inbox($"w{w}-m{i}", group));
                await store.CompleteAsync([accepted.Id], [new OutboxReply($"w{w}-m{i}#1", "generic", group, $"w{w}-m{i}", [], "ok")]);
                var due = await store.DueRepliesAsync(Clock.Now, 5);
                if (due.Count > 0)
                    await store.MarkSentAsync(due[0].Id, Clock.Now);
                await store.AddCoordinatorAsync(group, "wxid_" + w, Clock.Now);
                _ = await store.PendingGroupsAsync(10);
                _ = await store.HealthAsync();
            }
        })).ToArray();

        await Task.WhenAll(workers);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Scalar("SELECT count(*) FROM inbox WHERE processed_at IS NOT NULL"), Is.EqualTo(16 * 40));
            Assert.That(Scalar("SELECT count(*) FROM outbox"), Is.EqualTo(16 * 40));
            Assert.That(await store.PendingGroupsAsync(10), Is.Empty);
        }
    }

    [Test]
    public async Task Two_stores_on_one_database_write_beside_each_other_without_failing()
    {
        // As two processes (two instances) would: each has its own writer; the database orders them.
        var first = Open();
        var second = Open();

        await Task.WhenAll(
            Task.Run(async () => { for (int i = 0; i < 200; i++) await first.AcceptAsync(Inbox("a" + i)); }),
            Task.Run(async () => { for (int i = 0; i < 200; i++) await second.AcceptAsync(Inbox("b" + i)); }));

        Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(400));
    }

    [Test]
    public async Task The_same_messages_delivered_to_two_stores_at_once_are_stored_once_each_with_one_id()
    {
        // Two instances behind a load balancer, each given every message (a bridge retrying against the other one):
        // queued together they are written in batches, and in opposite orders, so the batches overlap.
        var first = Open();
        var second = Open();
        const int count = 300;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var one = Task.Run(async () => { await gate.Task; return await Task.WhenAll(Enumerable.Range(0, count).Select(i => first.AcceptAsync(Inbox("m" + i)))); });
        var two = Task.Run(async () => { await gate.Task; return await Task.WhenAll(Enumerable.Range(0, count).Reverse().Select(i => second.AcceptAsync(Inbox("m" + i)))); });

        gate.SetResult();
        var byFirst = await one;
        var bySecond = (await two).Reverse().ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(count));
            for (int i = 0; i < count; i++)
            {
                Assert.That(bySecond[i].Id, Is.EqualTo(byFirst[i].Id), "m" + i);
                Assert.That(byFirst[i].Duplicate ^ bySecond[i].Duplicate, Is.True, "m" + i + " is new to exactly one store");
            }
        }
    }

    [Test]
    public async Task An_accept_cancelled_before_it_is_queued_stores_nothing()
    {
        var store = Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(async () => await store.AcceptAsync(Inbox("m1"), cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await store.AcceptAsync(Inbox("m2")), Is.EqualTo(new AcceptResult(1, false)));
        Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(1));
    }

    [Test]
    public async Task Accepts_cancelled_while_they_wait_leave_whole_rows_and_lose_no_other_message()
    {
        var store = Open(maxBatchSize: 50);
        var tasks = new List<(string MsgId, bool Cancelled, Task<AcceptResult> Task)>();
        var sources = new List<CancellationTokenSource>();
        for (int i = 0; i < 2000; i++)
        {
            if (i % 3 == 0)
            {
                var source = new CancellationTokenSource();
                sources.Add(source);
                tasks.Add(("m" + i, true, store.AcceptAsync(Inbox("m" + i), source.Token)));
            }
            else
            {
                tasks.Add(("m" + i, false, store.AcceptAsync(Inbox("m" + i))));
            }
        }
        // Cancel while most are still queued behind batches of 50.
        foreach (var source in sources)
            await source.CancelAsync();

        foreach (var (_, _, task) in tasks)
        {
            try
            {
                await task;
            }
            catch (OperationCanceledException)
            {
            }
        }

        var stored = (await store.PendingAsync("g1", 5000)).ToDictionary(r => r.Message.MsgId);
        using (Assert.EnterMultipleScope())
        {
            foreach (var (msgId, cancelled, task) in tasks)
            {
                if (!cancelled)
                    Assert.That(stored.ContainsKey(msgId), Is.True, msgId + " was accepted and must be stored");
                if (task.IsCompletedSuccessfully)
                    Assert.That(stored[msgId].Id, Is.EqualTo(task.Result.Id), msgId);
            }
            foreach (var record in stored.Values)
                MessageAssert.AreSame(record.Message, Message(record.Message.MsgId));
            Assert.That(tasks.Count(t => t.Task.IsCanceled), Is.Positive, "some cancellations must have landed");
        }
        foreach (var source in sources)
            source.Dispose();

        // The store goes on as before: a cancelled message delivered again is stored, or found, once.
        var again = await store.AcceptAsync(Inbox("m0"));
        Assert.That(Scalar("SELECT count(*) FROM inbox WHERE msg_id = 'm0'"), Is.EqualTo(1));
        Assert.That(again.Duplicate, Is.EqualTo(stored.ContainsKey("m0")));
    }

    [Test]
    public async Task Disposing_writes_every_queued_accept_before_it_closes()
    {
        var store = Open();
        var tasks = Enumerable.Range(0, 500).Select(i => store.AcceptAsync(Inbox("m" + i))).ToArray();

        await CloseAsync(store);

        Assert.That(tasks.All(t => t.IsCompletedSuccessfully), Is.True);
        Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(500));
        Assert.That(async () => await store.AcceptAsync(Inbox("late")), Throws.InstanceOf<ObjectDisposedException>());
        Assert.That(async () => await store.PendingAsync("g1", 1), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public async Task Dispose_without_async_drains_too()
    {
        var store = Open();
        var tasks = Enumerable.Range(0, 200).Select(i => store.AcceptAsync(Inbox("m" + i))).ToArray();

        ((IDisposable)store).Dispose();
        ((IDisposable)store).Dispose();

        Assert.That(tasks.All(t => t.IsCompletedSuccessfully), Is.True);
        Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(200));
        await Task.CompletedTask;
    }

    [Test]
    public void An_empty_channel_or_message_id_is_refused()
    {
        var store = Open();

        Assert.That(async () => await store.AcceptAsync(Inbox("m1", channel: "")), Throws.ArgumentException);
        Assert.That(async () => await store.AcceptAsync(Inbox(Message(""))), Throws.ArgumentException);
    }
}
