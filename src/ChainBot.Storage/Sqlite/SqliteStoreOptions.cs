namespace ChainBot.Storage.Sqlite;

/// <summary>Where and how <see cref="SqliteChainBotStore"/> keeps its file.</summary>
/// <remarks>Immutable, and so safe to share between threads.</remarks>
public sealed record SqliteStoreOptions
{
    /// <summary>The database file; its directory is created when missing. The host picks it (<c>data/chainbot.db</c>).</summary>
    public required string Path { get; init; }

    /// <summary>How long a statement waits for another connection's lock; <see cref="SqliteStoreDefaults.BusyTimeout"/> by default.</summary>
    public TimeSpan BusyTimeout { get; init; } = SqliteStoreDefaults.BusyTimeout;

    /// <summary>The most writes committed in one transaction; <see cref="SqliteStoreDefaults.MaxBatchSize"/> by default.</summary>
    public int MaxBatchSize { get; init; } = SqliteStoreDefaults.MaxBatchSize;
}
