using ChainBot.Core.Messages;
using ChainBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainBot.Storage.Tests.Sqlite;

/// Each test gets a directory of its own under the temp directory, not yet created (opening a store creates it),
/// and loses it afterwards with every store it opened.
public abstract class StoreTestBase
{
    protected static readonly DateTimeOffset T0 = new(2022, 4, 18, 9, 30, 0, TimeSpan.FromHours(8));

    private readonly List<SqliteChainBotStore> _stores = [];

    protected string Folder { get; private set; } = "";

    protected string DbPath => Path.Combine(Folder, "data", "chainbot.db");

    private protected ManualClock Clock { get; private set; } = new(T0);

    [SetUp]
    public void CreateFolderName()
    {
        Folder = Path.Combine(Path.GetTempPath(), "chainbot-storage-tests", Guid.NewGuid().ToString("N"));
        Clock = new ManualClock(T0);
    }

    [TearDown]
    public async Task DeleteFolder()
    {
        foreach (var store in _stores)
            await store.DisposeAsync();
        _stores.Clear();
        // Connections the tests opened themselves may sit in the pool, holding the files open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }

    /// Opens a store that TearDown disposes (disposing it earlier is fine).
    protected SqliteChainBotStore Open(string? path = null, int maxBatchSize = SqliteStoreDefaults.MaxBatchSize, TimeSpan? busyTimeout = null)
    {
        var options = new SqliteStoreOptions
        {
            Path = path ?? DbPath,
            MaxBatchSize = maxBatchSize,
            BusyTimeout = busyTimeout ?? SqliteStoreDefaults.BusyTimeout,
        };
        var store = new SqliteChainBotStore(options, Clock);
        _stores.Add(store);
        return store;
    }

    protected static IncomingMessage Message(string msgId, string group = "g1", string text = "1. 12号301 王阿姨 1份", DateTimeOffset? time = null) =>
        new(msgId, group, "wxid_" + msgId, "王阿姨", time ?? T0, text);

    protected static InboxMessage Inbox(string msgId, string group = "g1", string channel = "generic") =>
        new(channel, Message(msgId, group), T0.AddSeconds(1));

    protected static InboxMessage Inbox(IncomingMessage message, string channel = "generic") =>
        new(channel, message, T0.AddSeconds(1));

    /// Opens a connection of the test's own to the file, to look at what the store wrote.
    protected SqliteConnection OpenRaw(string? path = null)
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

    protected long Scalar(string sql, string? path = null)
    {
        using var connection = OpenRaw(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
