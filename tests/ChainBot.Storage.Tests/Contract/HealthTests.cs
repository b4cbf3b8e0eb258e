namespace ChainBot.Storage.Tests.Contract;

public class HealthTests(string store) : ContractTestBase(store)
{
    [Test]
    public async Task A_good_store_answers_with_what_waits_in_it()
    {
        var store = Open();
        Assert.That(await store.HealthAsync(), Is.EqualTo(new StoreHealth(true, 0, 0, 0)));

        var m1 = await store.AcceptAsync(Inbox("m1"));
        await store.AcceptAsync(new InboxMessage("generic", Message("m2"), T0.AddSeconds(2)));
        await store.AcceptAsync(new InboxMessage("generic", Message("m3"), T0.AddSeconds(3)));
        Clock.Now = T0.AddMinutes(1);
        await store.CompleteAsync([m1.Id], [new OutboxReply("m1#1", "generic", "g1", "m1", [], "ok")]);
        Clock.Now = T0.AddMinutes(2);
        await store.CompleteAsync([], [new OutboxReply("bot#1", "generic", "g1", null, [], "later")]);

        var health = await store.HealthAsync();
        Assert.That(health, Is.EqualTo(new StoreHealth(true, 2, 2, 0)
        {
            // The oldest of what waits, for readiness's age limits: m2 (m1 is processed) and m1's reply.
            OldestPendingMessageAt = T0.AddSeconds(2),
            OldestPendingReplyAt = T0.AddMinutes(1),
        }));
    }

    [Test]
    public async Task Health_does_not_throw_when_cancelled_or_disposed()
    {
        var store = Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var onCancel = await store.HealthAsync(cancelled.Token);
        await CloseAsync(store);
        var onDisposed = await store.HealthAsync();

        Assert.That(onCancel.Reachable, Is.False);
        Assert.That(onDisposed.Reachable, Is.False);
        Assert.That(onDisposed.Error, Does.Contain("disposed"));
    }
}
