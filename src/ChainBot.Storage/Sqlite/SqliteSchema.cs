using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChainBot.Storage.Sqlite;

/// <summary>
/// The schema as an ordered list of steps, and what brings a file up to date. The version lives in
/// <c>PRAGMA user_version</c> (in the file's header, changed in the same transaction as the tables), so a file is
/// never at a version whose tables it lacks. A released step is never edited: a change is a new step at the end.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Every step, in order; step N has version N.</summary>
    public static readonly ImmutableArray<SqliteMigration> Migrations =
    [
        new(1, "inbox, outbox, group coordinators", """
            -- The inbox: id is the order of acceptance, which is the order a group's messages are processed in.
            -- A channel's message id is unique within it: a re-delivered message finds its row and adds none.
            CREATE TABLE inbox (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                channel      TEXT NOT NULL,
                msg_id       TEXT NOT NULL,
                group_id     TEXT NOT NULL,
                received_at  TEXT NOT NULL,
                message      TEXT NOT NULL,
                processed_at TEXT,
                UNIQUE (channel, msg_id)
            ) STRICT;
            -- What waits, per group, in order: small, since processed rows leave it.
            CREATE INDEX inbox_pending ON inbox (group_id, id) WHERE processed_at IS NULL;
            -- A group's history, to rebuild its state.
            CREATE INDEX inbox_group ON inbox (group_id, id);

            -- The outbox: a reply id is unique, so a message processed again never queues its reply twice.
            CREATE TABLE outbox (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                reply_id        TEXT NOT NULL UNIQUE,
                channel         TEXT NOT NULL,
                group_id        TEXT NOT NULL,
                in_reply_to     TEXT,
                mentions        TEXT NOT NULL,
                text            TEXT NOT NULL,
                created_at      TEXT NOT NULL,
                next_attempt_at TEXT NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                last_error      TEXT,
                sent_at         TEXT,
                parked_at       TEXT
            ) STRICT;
            -- The replies still to send: what the sender polls and readiness counts.
            CREATE INDEX outbox_unsent ON outbox (next_attempt_at) WHERE sent_at IS NULL AND parked_at IS NULL;
            CREATE INDEX outbox_parked ON outbox (parked_at) WHERE parked_at IS NOT NULL;

            CREATE TABLE group_coordinators (
                group_id  TEXT NOT NULL,
                sender_id TEXT NOT NULL,
                added_at  TEXT NOT NULL,
                PRIMARY KEY (group_id, sender_id)
            ) STRICT, WITHOUT ROWID;
            """),
        new(2, "a group's unsent replies, in order", """
            -- A group's replies go out in order: a reply waits while an earlier one of its group waits for a retry.
            CREATE INDEX outbox_group_unsent ON outbox (group_id, id) WHERE sent_at IS NULL AND parked_at IS NULL;
            """),
    ];

    /// <summary>The version this build writes.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>
    /// Brings the database up to <see cref="LatestVersion"/>, all missing steps in one transaction.
    /// </summary>
    /// <returns>The version the file was at, and the version it is at now.</returns>
    /// <exception cref="InvalidOperationException">The file is at a version newer than this build knows.</exception>
    public static (int From, int To) Migrate(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // BEGIN IMMEDIATE: two processes opening a new file at once migrate one after the other, and the second
        // reads the version the first wrote.
        using var transaction = connection.BeginTransaction(deferred: false);
        int from = UserVersion(connection, transaction);
        if (from > LatestVersion)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The database is at schema version {from}; this build knows versions up to {LatestVersion}."));
        }
        foreach (var step in Migrations)
        {
            if (step.Version <= from)
                continue;
            Execute(connection, transaction, step.Sql);
            // PRAGMA takes no parameters; the version is an int of ours.
            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {step.Version};"));
        }
        transaction.Commit();
        return (from, LatestVersion);
    }

    /// <summary>The schema version a file is at (0 for a new or empty file).</summary>
    public static int UserVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
