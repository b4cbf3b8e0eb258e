using ChainBot.Storage.Postgres;
using Npgsql;

namespace ChainBot.Storage.Tests.Postgres;

/// The PostgreSQL store's own tests (schema, migrations, connection strings): each test gets an empty database of
/// its own, dropped afterwards with every store it opened.
public abstract class PostgresTestBase : StorageTestBase
{
    private PostgresUnderTest? _database;

    private protected PostgresUnderTest Database => _database ?? throw new InvalidOperationException("SetUp has not run.");

    [SetUp]
    public async Task CreateDatabase() => _database = await PostgresUnderTest.CreateAsync();

    [TearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
            await _database.DisposeAsync();
        _database = null;
    }

    /// Opens a store on the test's database, which TearDown disposes.
    protected PostgresChainBotStore Open() => Database.Open(Clock);

    protected NpgsqlConnection OpenRaw() => Database.OpenRaw();

    protected long Scalar(string sql) => Database.Scalar(sql);

    protected void Execute(string sql)
    {
        using var connection = OpenRaw();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
