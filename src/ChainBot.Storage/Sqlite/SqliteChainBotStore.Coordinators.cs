using ChainBot.Storage.Data;

namespace ChainBot.Storage.Sqlite;

// The coordinators (团长) a group has named.
public sealed partial class SqliteChainBotStore
{
    internal const string CoordinatorsSql = "SELECT sender_id, added_at FROM group_coordinators WHERE group_id = $groupId ORDER BY added_at, sender_id";

    // Named twice, a coordinator keeps the first time.
    private const string AddCoordinatorSql = """
        INSERT INTO group_coordinators (group_id, sender_id, added_at) VALUES ($groupId, $senderId, $at)
        ON CONFLICT (group_id, sender_id) DO NOTHING
        """;

    /// <inheritdoc/>
    /// <remarks>In the order they were named.</remarks>
    public async Task<IReadOnlyList<NamedCoordinator>> CoordinatorsAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        await using var connection = OpenReader();
        await using var command = ReadCommand(connection, CoordinatorsSql);
        command.Parameters.AddWithValue("$groupId", groupId);
        return await StoreReads.CoordinatorsAsync(command, ReadTime, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task AddCoordinatorAsync(string groupId, string senderId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(senderId);
        string added = SqliteTime.Write(at);
        return Write(session =>
        {
            var insert = session.Command(AddCoordinatorSql);
            insert.Parameters.AddWithValue("$groupId", groupId);
            insert.Parameters.AddWithValue("$senderId", senderId);
            insert.Parameters.AddWithValue("$at", added);
            return insert.ExecuteNonQuery();
        }, cancellationToken);
    }
}
