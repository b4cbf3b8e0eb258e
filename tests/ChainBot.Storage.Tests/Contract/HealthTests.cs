namespace ChainBot.Storage.Tests.Contract;

public class HealthTests(string store) : ContractTestBase(store)
{
    [Test]
    public async Task A_good_store_answers_with_what_waits_in_it()
    {
        var store = Open();
        Assert.That(await store.HealthAsync(), Is.EqualTo(new StoreHealth(true, 0, 0, 0)));

        var m1 = await store.AcceptAsync(Inbox("m1"));
        await store.AcceptAsync(Inbox("m2"));
        await store.CompleteAsync([m1.Id], [new OutboxReply("m1#1", "generic", "g1", "m1", [], "ok")]);

        Assert.That(await store.HealthAsync(), Is.EqualTo(new StoreHealth(true, 1, 1, 0)));
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
