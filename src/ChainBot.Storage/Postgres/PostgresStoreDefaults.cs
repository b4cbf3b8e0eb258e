namespace ChainBot.Storage.Postgres;

/// <summary>The defaults of <see cref="PostgresStoreOptions"/>, in one place.</summary>
public static class PostgresStoreDefaults
{
    /// <summary>
    /// The most accepts committed in one transaction: 1,000. Under load everything queued while the last commit ran
    /// goes into the next one; the cap bounds the statement's size and how long the first of them waits for the last.
    /// </summary>
    public const int MaxBatchSize = 1000;

    /// <summary>The application name the store's connections show in <c>pg_stat_activity</c> unless the connection string names one.</summary>
    public const string ApplicationName = "ChainBot";
}
