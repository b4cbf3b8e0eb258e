using Microsoft.Data.Sqlite;

namespace ChainBot.Storage.Tests.Sqlite;

public class AcceptTests : StoreTestBase
{
    [Test]
    public async Task Opening_creates_the_directory_and_the_file()
    {
        Assert.That(Directory.Exists(Folder), Is.False);

        var store = Open();

        Assert.That(File.Exists(DbPath), Is.True);
        Assert.That(store.Path, Is.EqualTo(Path.GetFullPath(DbPath)));
        Assert.That((await store.AcceptAsync(Inbox("m1"))).Duplicate, Is.False);
    }

    [Test]
    public async Task A_batch_that_cannot_get_the_write_lock_fails_whole_and_the_next_batch_is_written()
    {
        var store = Open(busyTimeout: TimeSpan.FromMilliseconds(100));
        await store.AcceptAsync(Inbox("m0"));

        using (var other = OpenRaw())
        using (other.BeginTransaction(deferred: false))
        {
            // Another process holds the write lock past the busy timeout.
            var blocked = new[] { store.AcceptAsync(Inbox("m1")), store.AcceptAsync(Inbox("m2")) };
            foreach (var task in blocked)
                Assert.That(async () => await task, Throws.InstanceOf<SqliteException>().With.Property(nameof(SqliteException.SqliteErrorCode)).EqualTo(5));
        }

        var retried = await store.AcceptAsync(Inbox("m1"));
        Assert.That(retried.Duplicate, Is.False);
        Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(2));
    }

}
