using System.Collections.Concurrent;

namespace ChainBot.Storage.Tests.Sqlite;

public class DurabilityTests : StoreTestBase
{
    [Test]
    public async Task A_copy_of_the_files_taken_under_load_holds_every_message_accepted_before_it()
    {
        var store = Open();
        const int total = 4000;
        const int callers = 16;
        var accepted = new ConcurrentDictionary<string, long>();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int next = -1;
        var load = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var result = await store.AcceptAsync(Inbox("m" + i, "g" + (i % 5)));
                accepted["m" + i] = result.Id;
                if (accepted.Count >= total / 2)
                    halfway.TrySetResult();
            }
        })).ToArray();
        await halfway.Task.WaitAsync(TimeSpan.FromMinutes(2));

        // A crash freezes the database and its WAL at one instant; a copy reads them one after the other. A read
        // transaction held across the copy keeps a checkpoint from restarting the WAL meanwhile, so the two copies
        // belong together; appends to the WAL go on, and a torn last frame is what recovery ignores after a crash.
        string copy = Path.Combine(Folder, "copy", "chainbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        KeyValuePair<string, long>[] before;
        using (var pin = OpenRaw())
        using (var read = pin.BeginTransaction(deferred: true))
        {
            using (var command = pin.CreateCommand())
            {
                command.Transaction = read;
                command.CommandText = "SELECT count(*) FROM inbox";
                command.ExecuteScalar();
            }
            before = accepted.ToArray(); // ConcurrentDictionary.ToArray takes a consistent snapshot; a collection expression does not.
            // No -shm: after a crash it is rebuilt from the WAL, as here.
            File.Copy(DbPath, copy);
            File.Copy(DbPath + "-wal", copy + "-wal");
        }
        await Task.WhenAll(load);

        var recovered = Open(copy);
        var rows = new Dictionary<string, InboxRecord>();
        for (int g = 0; g < 5; g++)
        {
            foreach (var record in await recovered.PendingAsync("g" + g, total))
                rows.Add(record.Message.MsgId, record);
        }

        TestContext.Out.WriteLine($"{before.Length} accepted before the copy; {rows.Count} in it; {accepted.Count} in all");
        Assert.That(before, Has.Length.GreaterThanOrEqualTo(total / 2));
        using (Assert.EnterMultipleScope())
        {
            foreach (var (msgId, id) in before)
            {
                Assert.That(rows.TryGetValue(msgId, out var row), Is.True, msgId + " was accepted before the copy");
                Assert.That(row?.Id, Is.EqualTo(id), msgId);
            }
            foreach (var row in rows.Values)
                MessageAssert.AreSame(row.Message, Message(row.Message.MsgId, row.Message.GroupId));
            Assert.That((await recovered.HealthAsync()).Reachable, Is.True);
        }
        Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(total));
    }
}
