namespace ChainBot.Storage.Tests.Sqlite;

public class HealthTests : StoreTestBase
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
    public void A_path_that_cannot_be_a_file_fails_at_open()
    {
        Directory.CreateDirectory(Folder);
        string blocker = Path.Combine(Folder, "data");
        File.WriteAllText(blocker, "a file where the data directory should be");

        Assert.That(() => Open(), Throws.InstanceOf<IOException>());
    }

    [Test]
    public async Task A_file_gone_since_opening_is_unreachable_with_its_reason_and_reachable_again_when_back()
    {
        var store = Open();
        await store.AcceptAsync(Inbox("m1"));
        string data = Path.GetDirectoryName(DbPath)!;
        string moved = Path.Combine(Folder, "unmounted");

        Directory.Move(data, moved);
        var gone = await store.HealthAsync();
        Directory.Move(moved, data);
        var back = await store.HealthAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gone.Reachable, Is.False);
            Assert.That(gone.Error, Is.Not.Null.And.Not.Empty);
            Assert.That(back, Is.EqualTo(new StoreHealth(true, 1, 0, 0)));
        }
    }

    [Test]
    public async Task A_file_deleted_under_the_running_store_is_unreachable_and_not_created_again()
    {
        var store = Open();
        await store.AcceptAsync(Inbox("m1"));

        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(DbPath)!))
            File.Delete(file);
        var health = await store.HealthAsync();

        Assert.That(health.Reachable, Is.False);
        Assert.That(health.Error, Is.Not.Null.And.Not.Empty);
        Assert.That(File.Exists(DbPath), Is.False, "the probe must not create an empty database in its place");
    }

    [Test]
    public async Task Health_does_not_throw_when_cancelled_or_disposed()
    {
        var store = Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var onCancel = await store.HealthAsync(cancelled.Token);
        await store.DisposeAsync();
        var onDisposed = await store.HealthAsync();

        Assert.That(onCancel.Reachable, Is.False);
        Assert.That(onDisposed.Reachable, Is.False);
        Assert.That(onDisposed.Error, Does.Contain("disposed"));
    }
}
