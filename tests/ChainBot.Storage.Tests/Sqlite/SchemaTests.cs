using ChainBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainBot.Storage.Tests.Sqlite;

public class SchemaTests : StoreTestBase
{
    [Test]
    public void The_steps_are_numbered_one_by_one_from_one()
    {
        Assert.That(SqliteSchema.Migrations.Select(m => m.Version), Is.EqualTo(Enumerable.Range(1, SqliteSchema.Migrations.Length)));
        Assert.That(SqliteSchema.LatestVersion, Is.EqualTo(SqliteSchema.Migrations.Length));
    }

    [Test]
    public void A_new_file_gets_every_table_in_wal_mode_at_the_latest_version()
    {
        Open();

        using var connection = OpenRaw();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SqliteSchema.UserVersion(connection), Is.EqualTo(SqliteSchema.LatestVersion));
            Assert.That(Text(connection, "PRAGMA journal_mode"), Is.EqualTo("wal"));
            Assert.That(Tables(connection), Is.SupersetOf(new[] { "inbox", "outbox", "group_coordinators" }));
        }
    }

    [Test]
    public async Task An_empty_file_is_migrated_like_a_new_one()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        await File.WriteAllBytesAsync(DbPath, []);

        var store = Open();
        await store.AcceptAsync(Inbox("m1"));

        using var connection = OpenRaw();
        Assert.That(SqliteSchema.UserVersion(connection), Is.EqualTo(SqliteSchema.LatestVersion));
    }

    [Test]
    public async Task Reopening_a_file_at_the_latest_version_changes_nothing()
    {
        var store = Open();
        await store.AcceptAsync(Inbox("m1"));
        await store.DisposeAsync();

        var reopened = Open();
        await reopened.DisposeAsync();
        Open();

        using var connection = OpenRaw();
        Assert.That(SqliteSchema.UserVersion(connection), Is.EqualTo(SqliteSchema.LatestVersion));
        Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_file_from_a_newer_build_is_refused()
    {
        await Open().DisposeAsync();
        using (var connection = OpenRaw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"PRAGMA user_version = {SqliteSchema.LatestVersion + 1}";
            command.ExecuteNonQuery();
        }

        Assert.That(() => Open(), Throws.InvalidOperationException.With.Message.Contains("schema version"));
    }

    [Test]
    public async Task A_file_that_is_not_a_database_is_refused()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        await File.WriteAllTextAsync(DbPath, "这不是数据库 — this is not a database, but it is long enough to have a header and more.");

        Assert.That(() => Open(), Throws.InstanceOf<SqliteException>());
    }

    private static string Text(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }
}
