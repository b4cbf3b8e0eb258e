namespace ChainBot.Storage.Tests.Contract;

public class OrderingTests(string store) : ContractTestBase(store)
{
    [Test]
    public async Task Ids_follow_the_order_of_acceptance()
    {
        var store = Open();
        var ids = new List<long>();
        for (int i = 0; i < 20; i++)
            ids.Add((await store.AcceptAsync(Inbox("m" + i, "g" + (i % 3)))).Id);

        Assert.That(ids, Is.Ordered.Ascending);
        Assert.That(ids.Distinct().Count(), Is.EqualTo(20));
    }

    [Test]
    public async Task Pending_groups_come_oldest_waiting_message_first()
    {
        var store = Open();
        var b1 = await store.AcceptAsync(Inbox("b1", "B"));
        var a1 = await store.AcceptAsync(Inbox("a1", "A"));
        await store.AcceptAsync(Inbox("c1", "C"));
        await store.AcceptAsync(Inbox("b2", "B"));
        await store.AcceptAsync(Inbox("a2", "A"));

        Assert.That(await store.PendingGroupsAsync(10), Is.EqualTo(new[] { "B", "A", "C" }));
        Assert.That(await store.PendingGroupsAsync(2), Is.EqualTo(new[] { "B", "A" }));

        // B's oldest is done: its next (b2) is younger than A's and C's oldest.
        await store.CompleteAsync([b1.Id], []);
        Assert.That(await store.PendingGroupsAsync(10), Is.EqualTo(new[] { "A", "C", "B" }));

        await store.CompleteAsync([a1.Id], []);
        Assert.That(await store.PendingGroupsAsync(10), Is.EqualTo(new[] { "C", "B", "A" }));
        Assert.That(await store.PendingGroupsAsync(0), Is.Empty);
    }

    [Test]
    public async Task Every_group_is_listed_once_in_the_order_of_its_first_message_processed_or_not()
    {
        var store = Open();
        Assert.That(await store.GroupsAsync(), Is.Empty);
        var b1 = await store.AcceptAsync(Inbox("b1", "B"));
        await store.AcceptAsync(Inbox("a1", "A"));
        await store.AcceptAsync(Inbox("b2", "B"));
        await store.AcceptAsync(Inbox("c1", "C"));
        await store.CompleteAsync([b1.Id], []);

        Assert.That(await store.GroupsAsync(), Is.EqualTo(new[] { "B", "A", "C" }));
    }

    [Test]
    public async Task A_groups_pending_messages_come_in_acceptance_order_up_to_max()
    {
        var store = Open();
        for (int i = 0; i < 10; i++)
        {
            await store.AcceptAsync(Inbox("g1-" + i, "g1"));
            await store.AcceptAsync(Inbox("g2-" + i, "g2"));
        }

        var firstFour = await store.PendingAsync("g1", 4);
        var all = await store.PendingAsync("g1", 100);

        Assert.That(firstFour.Select(r => r.Message.MsgId), Is.EqualTo(new[] { "g1-0", "g1-1", "g1-2", "g1-3" }));
        Assert.That(all.Select(r => r.Message.MsgId), Is.EqualTo(Enumerable.Range(0, 10).Select(i => "g1-" + i)));
        Assert.That(all.Select(r => r.Id), Is.Ordered.Ascending);
        Assert.That(await store.PendingAsync("nobody", 10), Is.Empty);
    }

    [Test]
    public async Task A_groups_history_holds_its_processed_messages_in_order_and_nothing_pending()
    {
        var store = Open();
        var ids = new List<long>();
        for (int i = 0; i < 6; i++)
            ids.Add((await store.AcceptAsync(Inbox("m" + i))).Id);
        await store.AcceptAsync(Inbox("other", "g2"));

        await store.CompleteAsync([ids[0], ids[1]], []);
        await store.CompleteAsync([ids[2]], []);

        var processed = await store.ProcessedAsync("g1");
        var pending = await store.PendingAsync("g1", 10);
        Assert.That(processed.Select(r => r.Message.MsgId), Is.EqualTo(new[] { "m0", "m1", "m2" }));
        Assert.That(pending.Select(r => r.Message.MsgId), Is.EqualTo(new[] { "m3", "m4", "m5" }));
        Assert.That(await store.ProcessedAsync("g2"), Is.Empty);
    }
}
