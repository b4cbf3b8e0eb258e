using ChainBot.Storage.Postgres;
using ChainBot.Tests.Shared;
using Npgsql;

namespace ChainBot.Storage.Tests.Support;

/// A PostgreSQL database of the test's own, created empty on the test server (<see cref="PostgresTestServer"/>);
/// disposing disposes every store opened on it, then drops it.
internal sealed class PostgresUnderTest : IStoreUnderTest
{
    private readonly List<PostgresChainBotStore> _stores = [];
    private readonly PostgresTestDatabase _database;

    private PostgresUnderTest(PostgresTestDatabase database) => _database = database;

    /// The test database's connection string: the server's, with the database's name.
    public string ConnectionString => _database.ConnectionString;

    public TimeSpan TimePrecision => TimeSpan.FromMicroseconds(1);

    /// Creates the database; fails the test, saying how to get PostgreSQL, where there is none.
    public static async Task<PostgresUnderTest> CreateAsync() => new(await PostgresTestDatabase.CreateAsync());

    public IChainBotStore Open(TimeProvider clock, int maxBatchSize) => Open(clock, maxBatchSize, null);

    public PostgresChainBotStore Open(TimeProvider clock, int maxBatchSize = PostgresStoreDefaults.MaxBatchSize, Microsoft.Extensions.Logging.ILogger<PostgresChainBotStore>? logger = null)
    {
        var store = new PostgresChainBotStore(new PostgresStoreOptions { ConnectionString = ConnectionString, MaxBatchSize = maxBatchSize }, clock, logger);
        _stores.Add(store);
        return store;
    }

    public (long Commits, long Writes) WriterStatistics(IChainBotStore store) => ((PostgresChainBotStore)store).WriterStatistics;

    /// Opens a connection of the test's own, not pooled, so that dropping the database finds nothing of the test's.
    public NpgsqlConnection OpenRaw()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var connection = OpenRaw();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
            await store.DisposeAsync();
        _stores.Clear();
        await _database.DisposeAsync();
    }
}
