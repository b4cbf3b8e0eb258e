using System.Globalization;
using ChainBot.Storage.Data;
using Microsoft.Data.Sqlite;

namespace ChainBot.Storage.Sqlite;

/// <summary>
/// Reads a server's database without changing it, for offline tools (<c>chainbot export chainbot.db</c>): the groups,
/// their processed messages and the coordinators they named, with the store's own queries. The file is opened
/// read-only, with no migration and no writer, so it may be read while a server runs on it (WAL mode lets a reader
/// beside the writer); every read sees the one snapshot taken by the first.
/// </summary>
/// <remarks>Not thread-safe: one connection, one caller at a time. Dispose it to close the file.</remarks>
public sealed class SqliteHistoryReader : IAsyncDisposable, IDisposable
{
    /// <summary>The first 16 bytes of every SQLite 3 database file.</summary>
    public static ReadOnlySpan<byte> Header => "SQLite format 3\0"u8;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _snapshot;

    private SqliteHistoryReader(SqliteConnection connection, SqliteTransaction snapshot)
    {
        _connection = connection;
        _snapshot = snapshot;
    }

    /// <summary>True when the file at <paramref name="path"/> starts with the SQLite header, whatever its name.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static bool IsDatabase(string path)
    {
        Span<byte> start = stackalloc byte[16];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.SequenceEqual(Header);
    }

    /// <summary>Opens the database at <paramref name="path"/> read-only.</summary>
    /// <exception cref="SqliteException">The file cannot be opened, or is not a database.</exception>
    /// <exception cref="InvalidDataException">The database is not a ChainBot store at this build's schema version.</exception>
    public static SqliteHistoryReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = System.IO.Path.GetFullPath(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            // With no write-ahead log beside it, no server has the file open and everything is in the file itself:
            // read it as immutable, or SQLite would create an empty log and index beside it and leave them there.
            // A log present: a server may be writing, so read through the log, which SQLite then needs no new file for.
            DataSource = File.Exists(full + "-wal") ? full : new Uri(full).AbsoluteUri + "?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
            Cache = SqliteCacheMode.Private,
            // Not pooled: disposing closes the file, and nothing of this process keeps it open after.
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            int version = SqliteSchema.UserVersion(connection);
            if (version != SqliteSchema.LatestVersion)
            {
                throw new InvalidDataException(version == 0
                    ? "it is a SQLite database, but not a ChainBot store"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"the store is at schema version {version}, this build reads version {SqliteSchema.LatestVersion}; start the matching server on it once"));
            }
            return new SqliteHistoryReader(connection, connection.BeginTransaction(deferred: true));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc cref="IChainBotStore.GroupsAsync"/>
    public async Task<IReadOnlyList<string>> GroupsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = Command(SqliteChainBotStore.GroupsSql, null);
        return await StoreReads.GroupsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IChainBotStore.ProcessedAsync"/>
    public async Task<IReadOnlyList<InboxRecord>> ProcessedAsync(string groupId, CancellationToken cancellationToken = default)
    {
        await using var command = Command(SqliteChainBotStore.ProcessedSql, groupId);
        return await StoreReads.InboxAsync(command, SqliteChainBotStore.ReadTime, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IChainBotStore.CoordinatorsAsync"/>
    public async Task<IReadOnlyList<NamedCoordinator>> CoordinatorsAsync(string groupId, CancellationToken cancellationToken = default)
    {
        await using var command = Command(SqliteChainBotStore.CoordinatorsSql, groupId);
        return await StoreReads.CoordinatorsAsync(command, SqliteChainBotStore.ReadTime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the snapshot and closes the file.</summary>
    public void Dispose()
    {
        _snapshot.Dispose();
        _connection.Dispose();
    }

    /// <summary>Ends the snapshot and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _snapshot.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private SqliteCommand Command(string sql, string? groupId)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var command = _connection.CreateCommand();
        command.Transaction = _snapshot;
        command.CommandText = sql;
        if (groupId is not null)
            command.Parameters.AddWithValue("$groupId", groupId);
        return command;
    }
}
