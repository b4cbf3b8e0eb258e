namespace ChainBot.Storage.Tests.Support;

/// One test's database, of one kind: where the stores a test opens live, and a way to look at what they wrote.
/// Disposing it disposes every store it opened, then removes the database.
internal interface IStoreUnderTest : IAsyncDisposable
{
    /// The smallest step of time the store keeps in its columns (SQLite: a tick; PostgreSQL: a microsecond).
    TimeSpan TimePrecision { get; }

    /// Opens a store on the database; opening a second is another instance (or process) on the same data.
    IChainBotStore Open(TimeProvider clock, int maxBatchSize);

    /// How many transactions the store's accept writer committed, and how many accepts they held.
    (long Commits, long Writes) WriterStatistics(IChainBotStore store);

    /// The first column of the first row of a query of the test's own, on a connection of its own, as a number.
    long Scalar(string sql);
}
