using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ChainBot.Storage.Sqlite;

/// <summary>
/// The writer's connection and the transaction of the batch being written, as a request's work sees them.
/// Statements are prepared once and reused for the connection's life: a batch of a thousand accepts runs the same
/// two statements a thousand times.
/// </summary>
/// <remarks>Used by the writer's thread only.</remarks>
internal sealed class WriteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    /// <summary>Wraps an open connection, which the session then owns.</summary>
    public WriteSession(SqliteConnection connection) => Connection = connection;

    /// <summary>The writer's connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>
    /// True while the batch's transaction is open. SQLite rolls a whole transaction back by itself on some errors
    /// (disk full, I/O error); after that, statements would run in autocommit mode, one by one, so the batch must stop.
    /// </summary>
    public bool InTransaction => _transaction is not null && raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    /// <summary>Begins the batch's transaction: <c>BEGIN IMMEDIATE</c>, so the write lock is taken at once or waited for.</summary>
    public void Begin() => _transaction = Connection.BeginTransaction(deferred: false);

    /// <summary>Commits the batch: one fsync of the WAL for every request in it.</summary>
    public void Commit()
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No batch is open.");
        _transaction = null;
        using (transaction)
            transaction.Commit();
    }

    /// <summary>Ends a batch that failed, rolling back whatever it wrote.</summary>
    public void Abort()
    {
        var transaction = _transaction;
        _transaction = null;
        transaction?.Dispose();
    }

    /// <summary>
    /// The prepared command for <paramref name="sql"/>, in the batch's transaction, its parameters cleared. Give
    /// constant SQL only: each text is prepared and kept.
    /// </summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Transaction = _transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Abort();
        foreach (var command in _commands.Values)
            command.Dispose();
        _commands.Clear();
        Connection.Dispose();
    }
}
