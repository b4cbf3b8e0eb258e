using ChainBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainBot.Storage.Tests.Support;

/// A SQLite file in a directory of the test's own under the temp directory, not yet created (opening a store creates
/// it); disposing deletes the directory with every store opened on it.
internal sealed class SqliteUnderTest : IStoreUnderTest
{
    private readonly List<SqliteChainBotStore> _stores = [];

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "chainbot-storage-tests", Guid.NewGuid().ToString("N"));

    public string DbPath => Path.Combine(Folder, "data", "chainbot.db");

    public TimeSpan TimePrecision => TimeSpan.FromTicks(1);

    public IChainBotStore Open(TimeProvider clock, int maxBatchSize) => Open(clock, null, maxBatchSize, null);

    public SqliteChainBotStore Open(TimeProvider clock, string? path, int maxBatchSize, TimeSpan? busyTimeout)
    {
        var options = new SqliteStoreOptions
        {
            Path = path ?? DbPath,
            MaxBatchSize = maxBatchSize,
            BusyTimeout = busyTimeout ?? SqliteStoreDefaults.BusyTimeout,
        };
        var store = new SqliteChainBotStore(options, clock);
        _stores.Add(store);
        return store;
    }

    public (long Commits, long Writes) WriterStatistics(IChainBotStore store) => ((SqliteChainBotStore)store).WriterStatistics;

    /// Opens a connection of the test's own to the file, to look at what the store wrote.
    public SqliteConnection OpenRaw(string? path = null)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path ?? DbPath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public long Scalar(string sql) => Scalar(sql, null);

    public long Scalar(string sql, string? path)
    {
        using var connection = OpenRaw(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
            await store.DisposeAsync();
        _stores.Clear();
        // Connections the tests opened themselves may sit in the pool, holding the files open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }
}
