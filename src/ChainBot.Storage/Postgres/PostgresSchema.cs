using System.Collections.Immutable;
using System.Globalization;
using Npgsql;

namespace ChainBot.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as an ordered list of steps, and what brings a database up to date. Each applied step is a
/// row of <c>schema_version</c>, written in the same transaction as the step, so a database is never at a version
/// whose tables it lacks. A released step is never edited: a change is a new step at the end.
/// </summary>
/// <remarks>
/// Several instances share one database (design.md, "Scaling out") and may start at the same moment: the migration
/// runs under a transaction-scoped advisory lock on <see cref="MigrationLockKey"/>, so one migrates while the others
/// wait, then find the schema current and change nothing.
/// </remarks>
internal static class PostgresSchema
{
    /// <summary>The advisory lock every migration holds: an arbitrary constant of ChainBot's ("chainbot" in ASCII).</summary>
    public const long MigrationLockKey = 0x636861696e626f74;

    /// <summary>Every step, in order; step N has version N.</summary>
    public static readonly ImmutableArray<PostgresMigration> Migrations =
    [
        new(1, "inbox, outbox, group coordinators", """
            -- The inbox: id is the order of acceptance, which is the order a group's messages are processed in.
            -- A channel's message id is unique within it: a re-delivered message finds its row and adds none.
            CREATE TABLE inbox (
                id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                channel      text NOT NULL,
                msg_id       text NOT NULL,
                group_id     text NOT NULL,
                received_at  timestamptz NOT NULL,
                -- json, not jsonb: kept as written (a transcript line), and it takes a \u0000 that jsonb refuses.
                message      json NOT NULL,
                processed_at timestamptz,
                -- Which completion processed the message: with several writers, ids need not commit in their own order,
                -- so a group's history is read in the order it was processed (completion, then id), not by id alone.
                completion   bigint,
                UNIQUE (channel, msg_id)
            );
            CREATE SEQUENCE inbox_completion AS bigint;
            -- What waits, per group, in order: small, since processed rows leave it.
            CREATE INDEX inbox_pending ON inbox (group_id, id) WHERE processed_at IS NULL;
            -- A group's history, to rebuild its state.
            CREATE INDEX inbox_history ON inbox (group_id, completion, id) WHERE processed_at IS NOT NULL;
            -- Every group in the order its first message came.
            CREATE INDEX inbox_group ON inbox (group_id, id);

            -- The outbox: a reply id is unique, so a message processed again never queues its reply twice.
            CREATE TABLE outbox (
                id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                reply_id        text NOT NULL UNIQUE,
                channel         text NOT NULL,
                group_id        text NOT NULL,
                in_reply_to     text,
                mentions        json NOT NULL,
                text            text NOT NULL,
                created_at      timestamptz NOT NULL,
                next_attempt_at timestamptz NOT NULL,
                attempts        integer NOT NULL DEFAULT 0,
                last_error      text,
                sent_at         timestamptz,
                parked_at       timestamptz
            );
            -- The replies still to send: what the sender polls and readiness counts.
            CREATE INDEX outbox_unsent ON outbox (next_attempt_at) WHERE sent_at IS NULL AND parked_at IS NULL;
            -- A group's replies go out in order: a reply waits while an earlier one of its group waits for a retry.
            CREATE INDEX outbox_group_unsent ON outbox (group_id, id) WHERE sent_at IS NULL AND parked_at IS NULL;
            CREATE INDEX outbox_parked ON outbox (parked_at) WHERE parked_at IS NOT NULL;

            CREATE TABLE group_coordinators (
                group_id  text NOT NULL,
                sender_id text NOT NULL,
                added_at  timestamptz NOT NULL,
                PRIMARY KEY (group_id, sender_id)
            );
            """),
        new(2, "room for several instances: group leases, outbox claims", """
            -- Several instances on one database (design.md, "Scaling out"): a group is processed by the instance that
            -- holds its lease, until the lease expires (an instance that dies loses its groups after a timeout).
            CREATE TABLE group_leases (
                group_id   text PRIMARY KEY,
                holder     text NOT NULL,
                expires_at timestamptz NOT NULL
            );
            -- A sender claims due replies (FOR UPDATE SKIP LOCKED) until claimed_until; a claim that runs out is due again.
            ALTER TABLE outbox ADD COLUMN claimed_by text, ADD COLUMN claimed_until timestamptz;
            """),
    ];

    /// <summary>The version this build writes.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>
    /// Brings the database up to <paramref name="target"/> (by default <see cref="LatestVersion"/>), all missing steps in
    /// one transaction that holds the migration lock.
    /// </summary>
    /// <returns>The version the database was at, and the version it is at now.</returns>
    /// <exception cref="InvalidOperationException">The database is at a version newer than this build knows.</exception>
    public static async Task<(int From, int To)> MigrateAsync(NpgsqlConnection connection, int? target = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        int to = target ?? LatestVersion;
        ArgumentOutOfRangeException.ThrowIfLessThan(to, 1, nameof(target));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, LatestVersion, nameof(target));

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Taken before anything is read: a second instance waits here, and its next statement's snapshot then sees
        // what the first committed (READ COMMITTED takes a snapshot per statement).
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     integer PRIMARY KEY,
                description text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken).ConfigureAwait(false);
        int from = await VersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (from > LatestVersion)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The PostgreSQL database is at schema version {from}; this build knows versions up to {LatestVersion}. Run a newer build, or use another database."));
        }
        foreach (var step in Migrations)
        {
            if (step.Version <= from || step.Version > to)
                continue;
            await ExecuteAsync(connection, transaction, step.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, description) VALUES (@version, @description)", connection, transaction);
            record.Parameters.AddWithValue("version", step.Version);
            record.Parameters.AddWithValue("description", step.Description);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (from, Math.Max(from, to));
    }

    /// <summary>The schema version a database is at: 0 for an empty one.</summary>
    public static async Task<int> VersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        // Asked first, apart: a query naming a table that does not exist fails, and in a transaction ends it.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection, transaction))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
                return 0;
        }
        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
