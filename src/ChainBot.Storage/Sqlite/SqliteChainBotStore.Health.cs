namespace ChainBot.Storage.Sqlite;

// Readiness: can the file be opened and read now, and what waits in it.
public sealed partial class SqliteChainBotStore
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
    /// Opens a connection of its own, not a pooled one, so that a file gone or unreadable since the store opened
    /// shows. Never throws: any failure, a cancellation included, is an unreachable store with its reason.
    /// </remarks>
    public async Task<StoreHealth> HealthAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _disposed) != 0)
            return new StoreHealth(false, 0, 0, 0, "The store is disposed.");
        try
        {
            await using var connection = _connections.Open(_connections.Probe);
            await using var command = ReadCommand(connection, HealthSql);
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
