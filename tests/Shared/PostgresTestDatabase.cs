namespace ChainBot.Tests.Shared;

/// <summary>An empty database of one test's own on the test server; disposing drops it, closing whatever still uses it.</summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    private PostgresTestDatabase(string connectionString) => ConnectionString = connectionString;

    /// <summary>The database's connection string: the server's, with the database's name.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database; fails the test, saying how to get PostgreSQL, where there is none.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync() => new(await PostgresTestServer.CreateDatabaseAsync());

    /// <summary>Drops the database.</summary>
    public async ValueTask DisposeAsync() => await PostgresTestServer.DropDatabaseAsync(ConnectionString);
}
