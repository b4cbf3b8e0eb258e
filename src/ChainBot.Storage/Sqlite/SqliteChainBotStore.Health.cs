using ChainBot.Storage.Data;

namespace ChainBot.Storage.Sqlite;

// Readiness: can the file be opened and read now, and what waits in it.
public sealed partial class SqliteChainBotStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// Opens a connection of its own, not a pooled one, so that a file gone or unreadable since the store opened
    /// shows. Never throws: any failure, a cancellation included, is an unreachable store with its reason.
    /// </remarks>
    public async Task<StoreHealth> HealthAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _disposed) != 0)
            return new StoreHealth(false, 0, 0, 0, "The store is disposed.");
        return await StoreReads.HealthAsync(() => _connections.Open(_connections.Probe), ReadTime, cancellationToken).ConfigureAwait(false);
    }
}
