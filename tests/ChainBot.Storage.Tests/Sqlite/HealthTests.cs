namespace ChainBot.Storage.Tests.Sqlite;

public class HealthTests : StoreTestBase
{
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
            Assert.That(back, Is.EqualTo(new StoreHealth(true, 1, 0, 0) { OldestPendingMessageAt = T0.AddSeconds(1) }));
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

}
