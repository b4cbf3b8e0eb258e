using ChainBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainBot.Storage.Tests.Sqlite;

/// The SQLite store's own tests (files, WAL, the writer): each test gets a directory of its own under the temp
/// directory, not yet created (opening a store creates it), and loses it afterwards with every store it opened.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "TearDown disposes it after each test.")]
public abstract class StoreTestBase : StorageTestBase
{
    private SqliteUnderTest? _file;

    private SqliteUnderTest UnderTest => _file ?? throw new InvalidOperationException("SetUp has not run.");

    protected string Folder => UnderTest.Folder;

    protected string DbPath => UnderTest.DbPath;

    [SetUp]
    public void CreateFolderName() => _file = new SqliteUnderTest();

    [TearDown]
    public async Task DeleteFolder()
    {
        if (_file is not null)
            await _file.DisposeAsync();
        _file = null;
    }

    /// Opens a store that TearDown disposes (disposing it earlier is fine).
    protected SqliteChainBotStore Open(string? path = null, int maxBatchSize = SqliteStoreDefaults.MaxBatchSize, TimeSpan? busyTimeout = null) =>
        UnderTest.Open(Clock, path, maxBatchSize, busyTimeout);

    /// Opens a connection of the test's own to the file, to look at what the store wrote.
    protected SqliteConnection OpenRaw(string? path = null) => UnderTest.OpenRaw(path);

    protected long Scalar(string sql, string? path = null) => UnderTest.Scalar(sql, path);
}
