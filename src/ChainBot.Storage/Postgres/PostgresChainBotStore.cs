using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChainBot.Storage.Postgres;

/// <summary>
/// The store in a PostgreSQL database (design.md, "Scaling out": several instances on one PostgreSQL serve a
/// district). Accepts go through a group-commit writer (<see cref="PostgresAcceptWriter"/>), so an accepted message is
/// durable when <see cref="AcceptAsync"/> completes and thousands a second still fit in the server's commits; every
/// other call runs on a pooled connection in a transaction of its own, and PostgreSQL's row locks order concurrent
/// writers, in this process or another.
/// </summary>
/// <remarks>
/// <para>Opening brings the schema up to date under a migration lock (see <see cref="PostgresSchema"/>); it throws
/// when the database cannot be reached or is newer than this build, so a host with no database fails at start, not
/// at its first message.</para>
/// <para>Times are <c>timestamptz</c>: <see cref="InboxRecord.ReceivedAt"/> comes back at offset zero, the same instant
/// to the microsecond (PostgreSQL's precision). A message's own <see cref="Core.Messages.IncomingMessage.Time"/> lives
/// in its JSON and keeps its offset and ticks.</para>
/// <para>Every connection runs with <c>synchronous_commit=on</c>, whatever the server's default: a commit has reached
/// the server's disk when it returns, which is what "accepted" promises.</para>
/// <para>Thread-safe. Dispose it once no call is in flight: disposing writes the accepts queued, then closes the pool.</para>
/// </remarks>
public sealed partial class PostgresChainBotStore : IChainBotStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresAcceptWriter _writer;
    private readonly TimeProvider _time;
    private int _disposed;

    /// <summary>Opens the store: connects, migrates the schema, starts the accept writer.</summary>
    /// <param name="options">The connection string, and how to batch accepts.</param>
    /// <param name="timeProvider">The clock for processed, created and parked times; the system clock by default.</param>
    /// <param name="logger">Where the store logs opening, migrations and failed batches (never the connection string).</param>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this build.</exception>
    public PostgresChainBotStore(PostgresStoreOptions options, TimeProvider? timeProvider = null, ILogger<PostgresChainBotStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options));
        _time = timeProvider ?? TimeProvider.System;
        ILogger log = logger ?? (ILogger)NullLogger.Instance;

        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.ApplicationName ??= PostgresStoreDefaults.ApplicationName;
        // Added to whatever startup options the string carries, unless it sets synchronous_commit itself (remote_apply
        // is stronger still; off would break the promise, and is the operator's explicit choice).
        if (settings.Options?.Contains("synchronous_commit", StringComparison.OrdinalIgnoreCase) != true)
            settings.Options = (settings.Options + " -c synchronous_commit=on").Trim();
        Database = settings.Database ?? settings.Username ?? "postgres";
        Server = settings.Host + ":" + settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _dataSource = builder.Build();
        try
        {
            var (from, to) = MigrateAsync().GetAwaiter().GetResult();
            if (from != to)
                Log.PostgresSchemaMigrated(log, Database, Server, from, to);
            Log.PostgresStoreOpened(log, Database, Server, to);
        }
        catch
        {
            _dataSource.Dispose();
            throw;
        }
        _writer = new PostgresAcceptWriter(_dataSource, options.MaxBatchSize, log);
    }

    /// <summary>The database's name, for the log: the connection string's other parts (its password) are never shown.</summary>
    public string Database { get; }

    /// <summary>The server's host and port, for the log.</summary>
    public string Server { get; }

    /// <summary>Where the store's connections come from, set up as the store sets them up: for tests.</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>How many accept batches have committed, and how many accepts they held.</summary>
    internal (long Commits, long Writes) WriterStatistics => (_writer.Commits, _writer.CommittedWrites);

    /// <summary>Writes the accepts queued, then closes the pool.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Writes the accepts queued, then closes the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<(int From, int To)> MigrateAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        return await PostgresSchema.MigrateAsync(connection).ConfigureAwait(false);
    }

    // A command on a pooled connection, opened when it runs and given back when it (or its reader) is disposed.
    private NpgsqlCommand Command(string sql)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _dataSource.CreateCommand(sql);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    // A timestamptz column: Npgsql reads it at offset zero.
    private static DateTimeOffset ReadTime(System.Data.Common.DbDataReader reader, int column) => reader.GetFieldValue<DateTimeOffset>(column);

    // Npgsql writes a DateTimeOffset to a timestamptz only at offset zero; the instant is what the column keeps.
    private static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();
}
