using ChainBot.Storage.Json;
using ChainBot.Storage.Postgres;

namespace ChainBot.Storage.Tests.Postgres;

public class SchemaTests : PostgresTestBase
{
    [Test]
    public void The_steps_are_numbered_one_by_one_from_one()
    {
        Assert.That(PostgresSchema.Migrations.Select(m => m.Version), Is.EqualTo(Enumerable.Range(1, PostgresSchema.Migrations.Length)));
        Assert.That(PostgresSchema.LatestVersion, Is.EqualTo(PostgresSchema.Migrations.Length));
    }

    [Test]
    public async Task An_empty_database_gets_every_table_and_a_row_per_step()
    {
        Open();

        await using var connection = OpenRaw();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await PostgresSchema.VersionAsync(connection), Is.EqualTo(PostgresSchema.LatestVersion));
            Assert.That(Scalar("SELECT count(*) FROM schema_version"), Is.EqualTo(PostgresSchema.LatestVersion));
            foreach (string table in new[] { "inbox", "outbox", "group_coordinators", "group_leases" })
                Assert.That(Scalar($"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '{table}'"), Is.EqualTo(1), table);
        }
    }

    [Test]
    public async Task A_database_at_version_1_is_migrated_and_keeps_its_data()
    {
        await using (var connection = OpenRaw())
            Assert.That(await PostgresSchema.MigrateAsync(connection, target: 1), Is.EqualTo((0, 1)));
        string json = StorageJson.WriteMessage(Message("m1")).Replace("'", "''", StringComparison.Ordinal);
        string json0 = StorageJson.WriteMessage(Message("m0")).Replace("'", "''", StringComparison.Ordinal);
        Execute($"""
            INSERT INTO inbox (channel, msg_id, group_id, received_at, message) VALUES ('generic', 'm1', 'g1', '2022-04-18T01:30:01Z', '{json}');
            INSERT INTO inbox (channel, msg_id, group_id, received_at, message, processed_at, completion) VALUES ('generic', 'm0', 'g1', '2022-04-18T01:30:00Z', '{json0}', '2022-04-18T01:30:00Z', nextval('inbox_completion'));
            INSERT INTO outbox (reply_id, channel, group_id, in_reply_to, mentions, text, created_at, next_attempt_at) VALUES ('m0#1', 'generic', 'g1', 'm0', '["wxid_a"]', '已登记', '2022-04-18T01:30:00Z', '2022-04-18T01:30:00Z');
            INSERT INTO group_coordinators (group_id, sender_id, added_at) VALUES ('g1', 'wxid_boss', '2022-04-18T01:00:00Z');
            """);

        var store = Open();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Scalar("SELECT max(version) FROM schema_version"), Is.EqualTo(PostgresSchema.LatestVersion));
            Assert.That((await store.PendingAsync("g1", 10)).Select(r => r.Message.MsgId), Is.EqualTo(new[] { "m1" }));
            Assert.That((await store.ProcessedAsync("g1")).Select(r => r.Message.MsgId), Is.EqualTo(new[] { "m0" }));
            var due = await store.DueRepliesAsync(Clock.Now, 10);
            Assert.That(due.Select(r => (r.Reply.ReplyId, r.Reply.Text)), Is.EqualTo(new[] { ("m0#1", "已登记") }));
            Assert.That(due[0].Reply.Mentions, Is.EqualTo(new[] { "wxid_a" }));
            Assert.That((await store.CoordinatorsAsync("g1")).Select(c => c.SenderId), Is.EqualTo(new[] { "wxid_boss" }));
            Assert.That(await store.AcceptAsync(Inbox("m1")), Is.EqualTo(new AcceptResult(1, Duplicate: true)), "the identity column carries on");
            Assert.That((await store.AcceptAsync(Inbox("m2"))).Id, Is.GreaterThan(2));
        }
    }

    [Test]
    public async Task Stores_opening_at_once_on_an_empty_database_all_succeed_with_one_schema()
    {
        // Four instances starting together, as behind a load balancer after a deploy.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var opening = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            return Open();
        })).ToArray();

        gate.SetResult();
        var stores = await Task.WhenAll(opening);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Scalar("SELECT count(*) FROM schema_version"), Is.EqualTo(PostgresSchema.LatestVersion), "each step applied once");
            Assert.That(Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'inbox'"), Is.EqualTo(1));
        }
        foreach (var (store, i) in stores.Select((s, i) => (s, i)))
            Assert.That((await store.AcceptAsync(Inbox("m" + i))).Duplicate, Is.False);
        Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(4));
    }

    [Test]
    public async Task Reopening_a_database_at_the_latest_version_changes_nothing()
    {
        var store = Open();
        await store.AcceptAsync(Inbox("m1"));
        await store.DisposeAsync();

        Open();

        Assert.That(Scalar("SELECT count(*) FROM schema_version"), Is.EqualTo(PostgresSchema.LatestVersion));
        Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_database_from_a_newer_build_is_refused_with_both_versions()
    {
        await Open().DisposeAsync();
        Execute($"INSERT INTO schema_version (version, description) VALUES ({PostgresSchema.LatestVersion + 1}, 'from the future')");

        Assert.That(() => Open(), Throws.InvalidOperationException
            .With.Message.Contains($"schema version {PostgresSchema.LatestVersion + 1}")
            .And.Message.Contains($"versions up to {PostgresSchema.LatestVersion}"));
    }
}
