using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChainBot.Storage.Sqlite;

/// <summary>
/// Opens connections to one file, each set up the same way: foreign keys on, <c>synchronous=FULL</c> (in WAL mode,
/// a commit is on disk when it returns, which is what "accepted" promises) and the busy timeout.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class SqliteConnections
{
    private readonly string _setup;

    /// <summary>Prepares connections to <paramref name="path"/>.</summary>
    public SqliteConnections(string path, TimeSpan busyTimeout)
    {
        int timeoutMs = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _setup = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = {timeoutMs};");
        // Microsoft.Data.Sqlite retries a busy statement itself until its command timeout (whole seconds): keep it
        // at least as long as SQLite's own busy timeout.
        int timeoutSeconds = (int)Math.Clamp(Math.Ceiling(busyTimeout.TotalSeconds), 1, int.MaxValue);
        Create = Build(path, SqliteOpenMode.ReadWriteCreate, pooling: false, timeoutSeconds);
        // After opening, the file must exist: a connection that created an empty one (the data directory gone
        // under a running bot) would quietly start a new inbox.
        Writer = Build(path, SqliteOpenMode.ReadWrite, pooling: false, timeoutSeconds);
        Reader = Build(path, SqliteOpenMode.ReadWrite, pooling: true, timeoutSeconds);
        Probe = Writer;
    }

    /// <summary>The first connection, which may create the file and its schema.</summary>
    public string Create { get; }

    /// <summary>The writer's connection, held for the store's life.</summary>
    public string Writer { get; }

    /// <summary>Connections for reads, pooled: a read opens one, queries and returns it.</summary>
    public string Reader { get; }

    /// <summary>A connection for the health check: not pooled, so it proves the file can be opened now.</summary>
    public string Probe { get; }

    /// <summary>Opens and sets up a connection.</summary>
    public SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = _setup;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Closes the idle pooled reader connections, so that nothing holds the file after the store is disposed.</summary>
    public void ClearReaderPool()
    {
        using var connection = new SqliteConnection(Reader);
        SqliteConnection.ClearPool(connection);
    }

    private static string Build(string path, SqliteOpenMode mode, bool pooling, int timeoutSeconds) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Cache = SqliteCacheMode.Private,
            Pooling = pooling,
            DefaultTimeout = timeoutSeconds,
        }.ToString();
}
