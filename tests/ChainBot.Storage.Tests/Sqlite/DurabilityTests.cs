using System.Collections.Concurrent;
using ChainBot.Storage.Sqlite;

namespace ChainBot.Storage.Tests.Sqlite;

/// <summary>
/// Power loss: the database file and its WAL copied while messages are accepted, processed and answered stand for a
/// machine that lost power at that moment. The copy opens as a store of its own, holds every message acknowledged
/// before the copy began (processed or pending), and processes the pending ones.
/// </summary>
public class DurabilityTests : StoreTestBase
{
    [Test]
    public async Task A_copy_of_the_files_taken_under_load_opens_holds_every_message_acknowledged_before_it_and_processes_the_rest()
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
        // The inbox processor's part, at the same time: batches committed as processed with a reply each.
        using var loadOver = new CancellationTokenSource();
        var processor = Task.Run(async () =>
        {
            while (!loadOver.IsCancellationRequested)
            {
                if (await ProcessPendingAsync(store) == 0)
                    await Task.Delay(5);
            }
        });
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
        await Task.WhenAll(load).WaitAsync(TimeSpan.FromMinutes(2));
        await loadOver.CancelAsync();
        await processor.WaitAsync(TimeSpan.FromMinutes(1));

        var recovered = Open(copy);
        var rows = new Dictionary<string, InboxRecord>();
        int processedInCopy = 0;
        for (int g = 0; g < 5; g++)
        {
            foreach (var record in await recovered.ProcessedAsync("g" + g))
            {
                rows.Add(record.Message.MsgId, record);
                processedInCopy++;
            }
            foreach (var record in await recovered.PendingAsync("g" + g, total))
                rows.Add(record.Message.MsgId, record);
        }
        // The copy resumes: what was pending in it is processed there, each message once, each with its reply.
        for (int round = 0; round < 1000 && await ProcessPendingAsync(recovered) > 0; round++)
        {
        }

        TestContext.Out.WriteLine($"{before.Length} accepted before the copy; {rows.Count} in it, {processedInCopy} of them processed; {accepted.Count} in all");
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
            Assert.That((await recovered.HealthAsync()).Counts(), Is.EqualTo(new StoreHealth(true, 0, rows.Count, 0)), "every message processed, every reply queued");
            Assert.That(Scalar("SELECT count(*) FROM inbox WHERE processed_at IS NOT NULL", copy), Is.EqualTo(rows.Count));
            Assert.That(Scalar("SELECT count(*) FROM outbox", copy), Is.EqualTo(rows.Count), "one reply per message: none processed twice");
        }
        Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(total));
    }

    /// <summary>One round of the inbox processor's work: each waiting group's pending messages marked processed with a reply each.</summary>
    private static async Task<int> ProcessPendingAsync(SqliteChainBotStore store)
    {
        int done = 0;
        foreach (string group in await store.PendingGroupsAsync(64))
        {
            var batch = await store.PendingAsync(group, 64);
            if (batch.Count == 0)
                continue;
            await store.CompleteAsync([.. batch.Select(r => r.Id)], [.. batch.Select(r => new OutboxReply(r.Message.MsgId + "#1", "generic", group, r.Message.MsgId, [], "ok"))]);
            done += batch.Count;
        }
        return done;
    }
}
