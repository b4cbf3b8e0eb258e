using ChainBot.Storage.Postgres;
using ChainBot.Tests.Shared;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChainBot.Storage.Tests.Postgres;

public class ConnectionTests : PostgresTestBase
{
    [Test]
    public async Task The_log_names_the_server_and_database_and_never_the_password()
    {
        var builder = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        Assert.That(builder.Password, Is.Not.Null.And.Not.Empty, "the test server must ask for a password for this test to mean anything");
        var logger = new ListLogger();

        var store = Database.Open(Clock, logger: logger);
        await store.AcceptAsync(Inbox("m1"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(logger.Lines, Has.Some.Contains(builder.Database!).And.Some.Contains("schema version"));
            Assert.That(logger.Lines, Has.None.Contains(builder.Password!));
            Assert.That(store.Server, Is.EqualTo($"{builder.Host}:{builder.Port}"));
        }
    }

    [Test]
    public async Task Commits_are_synchronous_even_where_the_database_says_otherwise()
    {
        string name = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database!;
        Execute($"ALTER DATABASE \"{name}\" SET synchronous_commit = off");
        Assert.That(ScalarText("SHOW synchronous_commit"), Is.EqualTo("off"), "a connection of the test's own takes the database's setting");

        var store = Open();
        await using var connection = await store.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SHOW synchronous_commit", connection);

        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("on"));
    }

    [Test]
    public void A_server_that_does_not_answer_fails_at_open()
    {
        // A loopback port that was free a moment ago: the connection is refused at once.
        var builder = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Port = FreePort(), Timeout = 5 };

        Assert.That(() => new PostgresChainBotStore(new PostgresStoreOptions { ConnectionString = builder.ConnectionString }),
            Throws.InstanceOf<NpgsqlException>());
    }

    [Test]
    public void A_malformed_connection_string_is_refused_as_an_argument()
    {
        Assert.That(() => new PostgresChainBotStore(new PostgresStoreOptions { ConnectionString = "Hots=nowhere;Pasword=x" }), Throws.ArgumentException);
        Assert.That(() => new PostgresChainBotStore(new PostgresStoreOptions { ConnectionString = " " }), Throws.ArgumentException);
    }

    [Test]
    public async Task A_database_dropped_under_the_running_store_is_unreachable_with_its_reason()
    {
        var store = Open();
        await store.AcceptAsync(Inbox("m1"));
        Assert.That((await store.HealthAsync()).Counts(), Is.EqualTo(new StoreHealth(true, 1, 0, 0)));

        await PostgresTestServer.DropDatabaseAsync(Database.ConnectionString);
        var health = await store.HealthAsync();

        Assert.That(health.Reachable, Is.False);
        Assert.That(health.Error, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task The_stored_message_is_json_that_reads_as_chinese_with_its_offset()
    {
        var store = Open();
        await store.AcceptAsync(Inbox(Message("m1", time: new DateTimeOffset(2022, 4, 18, 21, 5, 7, TimeSpan.FromHours(8)))));

        Assert.That(Scalar("SELECT count(*) FROM inbox WHERE message->>'text' = '1. 12号301 王阿姨 1份' AND message->>'time' = '2022-04-18T21:05:07+08:00'"), Is.EqualTo(1));
    }

    private string ScalarText(string sql)
    {
        using var connection = OpenRaw();
        using var command = new NpgsqlCommand(sql, connection);
        return (string)command.ExecuteScalar()!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ListLogger : ILogger<PostgresChainBotStore>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
                Lines.Add(formatter(state, exception) + (exception is null ? "" : " " + exception));
        }
    }
}
