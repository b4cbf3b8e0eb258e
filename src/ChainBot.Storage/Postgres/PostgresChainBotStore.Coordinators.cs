using ChainBot.Storage.Data;

namespace ChainBot.Storage.Postgres;

// The coordinators (团长) a group has named.
public sealed partial class PostgresChainBotStore
{
    private const string CoordinatorsSql = "SELECT sender_id, added_at FROM group_coordinators WHERE group_id = @groupId ORDER BY added_at, sender_id";

    // Named twice, a coordinator keeps the first time.
    private const string AddCoordinatorSql = """
        INSERT INTO group_coordinators (group_id, sender_id, added_at) VALUES (@groupId, @senderId, @at)
        ON CONFLICT (group_id, sender_id) DO NOTHING
        """;

    /// <inheritdoc/>
    /// <remarks>In the order they were named.</remarks>
    public async Task<IReadOnlyList<NamedCoordinator>> CoordinatorsAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        await using var command = Command(CoordinatorsSql);
        command.Parameters.AddWithValue("groupId", groupId);
        return await StoreReads.CoordinatorsAsync(command, ReadTime, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task AddCoordinatorAsync(string groupId, string senderId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(senderId);
        await using var command = Command(AddCoordinatorSql);
        command.Parameters.AddWithValue("groupId", groupId);
        command.Parameters.AddWithValue("senderId", senderId);
        command.Parameters.AddWithValue("at", Utc(at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
