using System.Data.Common;
using ChainBot.Storage.Json;

namespace ChainBot.Storage.Data;

/// <summary>
/// What every store reads back the same way, whatever its database: the rows of a query, in the column order each
/// method names, turned into the interface's records. A column of time is read by the store's own
/// <c>readTime</c> (SQLite keeps text, PostgreSQL a <c>timestamptz</c>).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class StoreReads
{
    /// <summary>
    /// The counts readiness reports, and when the oldest message and reply still waiting came. Each reads a partial
    /// index that holds only what waits, so the check stays cheap as history grows.
    /// </summary>
    public const string HealthSql = """
        SELECT
            (SELECT count(*) FROM inbox WHERE processed_at IS NULL),
            (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL),
            (SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL),
            (SELECT min(received_at) FROM inbox WHERE processed_at IS NULL),
            (SELECT min(created_at) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL)
        """;

    /// <summary>Group ids, one a row, in the query's order.</summary>
    public static async Task<IReadOnlyList<string>> GroupsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var groups = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            groups.Add(reader.GetString(0));
        return groups;
    }

    /// <summary>Inbox rows: <c>id, channel, received_at, message</c> (the message's JSON as text).</summary>
    public static async Task<IReadOnlyList<InboxRecord>> InboxAsync(DbCommand command, Func<DbDataReader, int, DateTimeOffset> readTime, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<InboxRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new InboxRecord(reader.GetInt64(0), reader.GetString(1),
                StorageJson.ReadMessage(reader.GetString(3)), readTime(reader, 2)));
        }
        return records;
    }

    /// <summary>
    /// Outbox rows: <c>id, reply_id, channel, group_id, in_reply_to, mentions, text, attempts, last_error</c> (the
    /// mentions' JSON as text).
    /// </summary>
    public static async Task<IReadOnlyList<OutboxRecord>> OutboxAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var due = new List<OutboxRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var reply = new OutboxReply(reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), StorageJson.ReadMentions(reader.GetString(5)), reader.GetString(6));
            due.Add(new OutboxRecord(reader.GetInt64(0), reply, reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }
        return due;
    }

    /// <summary>Coordinator rows: <c>sender_id, added_at</c>.</summary>
    public static async Task<IReadOnlyList<NamedCoordinator>> CoordinatorsAsync(DbCommand command, Func<DbDataReader, int, DateTimeOffset> readTime, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var coordinators = new List<NamedCoordinator>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            coordinators.Add(new NamedCoordinator(reader.GetString(0), readTime(reader, 1)));
        return coordinators;
    }

    /// <summary>
    /// Runs <see cref="HealthSql"/> on the connection <paramref name="connect"/> makes (opened here if it comes
    /// closed), and closes it. Never throws: any failure, a cancellation included, is an unreachable store with its
    /// reason.
    /// </summary>
    public static async Task<StoreHealth> HealthAsync(Func<DbConnection> connect, Func<DbDataReader, int, DateTimeOffset> readTime, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = connect();
            if (connection.State != System.Data.ConnectionState.Open)
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = HealthSql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                return new StoreHealth(false, 0, 0, 0, "The health query returned no row.");
            return new StoreHealth(true, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2))
            {
                OldestPendingMessageAt = reader.IsDBNull(3) ? null : readTime(reader, 3),
                OldestPendingReplyAt = reader.IsDBNull(4) ? null : readTime(reader, 4),
            };
        }
        catch (Exception e)
        {
            // Readiness reports the failure: it is the probe's answer, not an error of the probe.
            return new StoreHealth(false, 0, 0, 0, e.Message);
        }
    }
}
