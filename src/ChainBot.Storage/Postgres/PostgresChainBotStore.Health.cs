using ChainBot.Storage.Data;

namespace ChainBot.Storage.Postgres;

// Readiness: does the database answer now, and what waits in it.
public sealed partial class PostgresChainBotStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// Runs a query, so a server gone or refusing connections since the store opened shows. Never throws: any failure,
    /// a cancellation included, is an unreachable store with its reason (Npgsql's message, which names the host and
    /// never the password).
    /// </remarks>
    public async Task<StoreHealth> HealthAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _disposed) != 0)
            return new StoreHealth(false, 0, 0, 0, "The store is disposed.");
        return await StoreReads.HealthAsync(_dataSource.CreateConnection, ReadTime, cancellationToken).ConfigureAwait(false);
    }
}
