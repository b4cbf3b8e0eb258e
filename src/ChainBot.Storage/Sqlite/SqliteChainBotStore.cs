using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChainBot.Storage.Sqlite;

/// <summary>
/// The store in one SQLite file (design.md, "Scaling out": one process with SQLite serves a compound). Writes go
/// through one writer thread that commits whatever is queued in one transaction, so an accepted message is on disk
/// when <see cref="AcceptAsync"/> completes and thousands a second still fit in the disk's fsyncs; reads run
/// beside it on pooled connections (WAL mode lets them).
/// </summary>
/// <remarks>
/// <para>Opening creates the file and its directory when missing and brings the schema up to date; it throws when
/// the file cannot be opened, so a host with no database fails at start, not at its first message.</para>
/// <para>Times in columns are UTC (see <see cref="SqliteTime"/>): <see cref="InboxRecord.ReceivedAt"/> comes back at
/// offset zero, the same instant. A message's own <see cref="Core.Messages.IncomingMessage.Time"/> keeps its offset.</para>
/// <para>Thread-safe. Dispose it once no call is in flight: disposing writes what is queued, then closes the file.</para>
/// </remarks>
public sealed partial class SqliteChainBotStore : IChainBotStore, IDisposable, IAsyncDisposable
{
    private readonly SqliteConnections _connections;
    private readonly SqliteWriter _writer;
    private readonly TimeProvider _time;
    private int _disposed;

    /// <summary>Opens the store in the file at <paramref name="path"/>, with the default options.</summary>
    public SqliteChainBotStore(string path)
        : this(new SqliteStoreOptions { Path = path })
    {
    }

    /// <summary>Opens the store: creates the file and its directory when missing, migrates the schema, starts the writer.</summary>
    /// <param name="options">Where the file is, and how to use it.</param>
    /// <param name="timeProvider">The clock for processed, created and parked times; the system clock by default.</param>
    /// <param name="logger">Where the store logs opening, migrations and failed writes.</param>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    /// <exception cref="InvalidOperationException">The file's schema is newer than this build, or WAL mode cannot be used.</exception>
    public SqliteChainBotStore(SqliteStoreOptions options, TimeProvider? timeProvider = null, ILogger<SqliteChainBotStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BusyTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options));
        _time = timeProvider ?? TimeProvider.System;
        ILogger log = logger ?? (ILogger)NullLogger.Instance;

        Path = System.IO.Path.GetFullPath(options.Path);
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory)
            Directory.CreateDirectory(directory);
        _connections = new SqliteConnections(Path, options.BusyTimeout);

        var session = new WriteSession(Open(_connections, log, Path));
        _writer = new SqliteWriter(session, _connections, options.MaxBatchSize, log);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>How many write transactions have committed, and how many writes they held.</summary>
    internal (long Commits, long Writes) WriterStatistics => (_writer.Commits, _writer.CommittedWrites);

    /// <summary>Writes what is queued, then closes the file.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _writer.Dispose();
        _connections.ClearReaderPool();
    }

    /// <summary>Writes what is queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _writer.DisposeAsync().ConfigureAwait(false);
        _connections.ClearReaderPool();
    }

    // The first connection: it may create the file. WAL lets reads run beside the writer and makes a commit one
    // append and one fsync; the mode is kept in the file, so every later connection uses it too.
    private static SqliteConnection Open(SqliteConnections connections, ILogger log, string path)
    {
        var connection = connections.Open(connections.Create);
        try
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode = WAL;";
                var mode = command.ExecuteScalar() as string;
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException($"The database cannot use WAL mode (it stays in '{mode}' mode); is it on a network file system?");
            }
            var (from, to) = SqliteSchema.Migrate(connection);
            if (from != to)
                Log.SchemaMigrated(log, path, from, to);
            Log.StoreOpened(log, path, to);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // A pooled connection for one read.
    private SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _connections.Open(_connections.Reader);
    }

    private static SqliteCommand ReadCommand(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    // A time column, as SqliteTime writes it.
    internal static DateTimeOffset ReadTime(System.Data.Common.DbDataReader reader, int column) => SqliteTime.Read(reader.GetString(column));

    private Task<T> Write<T>(Func<WriteSession, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _writer.Enqueue(work, cancellationToken);
    }
}
