using ChainBot.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChainBot.Server.Tests;

/// Each test gets a temp directory of its own for its SQLite file, and loses it afterwards with every host and sink
/// it started (stopped and disposed even when the test failed).
public abstract class ServerTestBase
{
    private readonly List<IAsyncDisposable> _started = [];

    protected string Folder { get; private set; } = "";

    protected string DbPath => Path.Combine(Folder, "chainbot.db");

    [SetUp]
    public void CreateFolder()
    {
        Folder = Path.Combine(Path.GetTempPath(), "chainbot-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    [TearDown]
    public async Task DisposeAll()
    {
        // Hosts first (they post to the sinks), in reverse order of starting.
        for (int i = _started.Count - 1; i >= 0; i--)
            await _started[i].DisposeAsync();
        _started.Clear();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }

    /// Disposes <paramref name="resource"/> at TearDown after everything started after it (a database after the hosts on it).
    private protected T DisposeAtTearDown<T>(T resource) where T : IAsyncDisposable
    {
        _started.Add(resource);
        return resource;
    }

    private protected async Task<ReplySink> StartSinkAsync(string? secret = BotHost.TestSecret)
    {
        var sink = await ReplySink.StartAsync(secret);
        _started.Add(sink);
        return sink;
    }

    private protected async Task<BotHost> StartBotAsync(BotSettings settings)
    {
        var host = await BotHost.StartAsync(settings);
        _started.Add(host);
        return host;
    }

    /// A server with the test secret, replying to <paramref name="sink"/>.
    private protected Task<BotHost> StartBotAsync(ReplySink sink, params string[] configuration) =>
        StartBotAsync(new BotSettings(DbPath) { ReplyUrl = sink.ReplyUrl, Configuration = configuration });
}
