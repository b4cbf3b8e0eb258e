namespace ChainBot.Storage.Postgres;

/// <summary>How a <see cref="PostgresChainBotStore"/> reaches its database.</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>
    /// An Npgsql connection string (<c>Host=…;Port=…;Database=…;Username=…;Password=…</c>). It holds a secret: it
    /// comes from configuration, and the store logs only the server and database it names.
    /// </summary>
    public required string ConnectionString { get; init; }

    /// <summary>The most accepts committed in one transaction; <see cref="PostgresStoreDefaults.MaxBatchSize"/> by default.</summary>
    public int MaxBatchSize { get; init; } = PostgresStoreDefaults.MaxBatchSize;
}
