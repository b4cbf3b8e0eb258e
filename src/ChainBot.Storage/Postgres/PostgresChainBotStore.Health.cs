namespace ChainBot.Storage.Postgres;

// Readiness: does the database answer now, and what waits in it.
public sealed partial class PostgresChainBotStore
{
    // Each count reads a partial index that holds only what waits, so the check stays cheap as history grows.
    private const string HealthSql = """
        SELECT
            (SELECT count(*) FROM inbox WHERE processed_at IS NULL),
            (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL),
            (SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL)
        """;

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
        try
        {
            await using var command = Command(HealthSql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                return new StoreHealth(false, 0, 0, 0, "The health query returned no row.");
            return new StoreHealth(true, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        catch (Exception e)
        {
            // Readiness reports the failure: it is the probe's answer, not an error of the probe.
            return new StoreHealth(false, 0, 0, 0, e.Message);
        }
    }
}
