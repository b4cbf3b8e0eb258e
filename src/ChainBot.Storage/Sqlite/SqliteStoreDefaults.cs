namespace ChainBot.Storage.Sqlite;

/// <summary>The defaults of <see cref="SqliteStoreOptions"/>, in one place.</summary>
public static class SqliteStoreDefaults
{
    /// <summary>
    /// How long a statement waits for a lock another connection holds (another process on the same file, a
    /// checkpoint) before it fails: 5 seconds. Within one store every write goes through one connection, so this
    /// only matters when something else opens the file.
    /// </summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most writes committed in one transaction: 1,000. Under load everything queued while the last commit's
    /// fsync ran goes into the next one; the cap bounds how long the first of them waits for the last.
    /// </summary>
    public const int MaxBatchSize = 1000;
}
