using ChainBot.Storage.Sqlite;

namespace ChainBot.Storage.Tests.Contract;

/// <summary>
/// The guarantees of <see cref="IChainBotStore"/>, tested the same way against every store: each fixture derived from
/// this runs once per store (<c>Sqlite</c>: a file; <c>Postgres</c>: a database), every test on a database of its own,
/// created empty and removed afterwards with every store the test opened.
/// </summary>
[TestFixtureSource(typeof(ContractTestBase), nameof(Stores))]
public abstract class ContractTestBase(string store) : StorageTestBase
{
    /// The stores every contract test runs against.
    public static readonly string[] Stores = ["Sqlite", "Postgres"];

    private IStoreUnderTest? _underTest;

    /// Which store this fixture runs against: one of <see cref="Stores"/>.
    protected string Kind => store;

    private IStoreUnderTest UnderTest => _underTest ?? throw new InvalidOperationException("SetUp has not run.");

    /// The smallest step of time the store keeps in its columns.
    protected TimeSpan TimePrecision => UnderTest.TimePrecision;

    [SetUp]
    public async Task CreateDatabase() => _underTest = store switch
    {
        "Sqlite" => new SqliteUnderTest(),
        "Postgres" => await PostgresUnderTest.CreateAsync(),
        _ => throw new ArgumentException("No such store: " + store),
    };

    [TearDown]
    public async Task DropDatabase()
    {
        if (_underTest is not null)
            await _underTest.DisposeAsync();
        _underTest = null;
    }

    /// Opens a store on the test's database, which TearDown disposes (disposing it earlier is fine); a second is
    /// another instance on the same data.
    protected IChainBotStore Open(int maxBatchSize = SqliteStoreDefaults.MaxBatchSize) => UnderTest.Open(Clock, maxBatchSize);

    /// How many transactions the store's accept writer committed, and how many accepts they held.
    protected (long Commits, long Writes) WriterStatistics(IChainBotStore opened) => UnderTest.WriterStatistics(opened);

    /// A number the test's own query reads, on a connection of its own.
    protected long Scalar(string sql) => UnderTest.Scalar(sql);

    /// Disposes a store as its host would at shutdown.
    protected static ValueTask CloseAsync(IChainBotStore opened) => ((IAsyncDisposable)opened).DisposeAsync();
}
