using ChainBot.Core.Merging;
using ChainBot.Storage.Sqlite;

namespace ChainBot.Cli.Input;

/// <summary>
/// Replays every group of a server's database exactly as the server rebuilds it after a restart
/// (<see cref="GroupHistory"/>): its processed messages in order, each with the coordinators named in the group by
/// then. The file is only read (<see cref="SqliteHistoryReader"/>), so a running server's database can be exported.
/// </summary>
/// <remarks>
/// The coordinators and volunteers a server's configuration names (<c>ChainBot:Groups</c>) are not in the database:
/// lines they changed for others count as the server counted them only where they also opened the chain or were
/// named in the group.
/// </remarks>
internal static class DatabaseReplay
{
    /// <summary>
    /// One <see cref="ReplayedGroup"/> per group, in the order their first message came, and how many messages the
    /// merger failed on (skipped, as the server skipped them). With <paramref name="until"/>, only messages sent at or
    /// before it are merged.
    /// </summary>
    public static async Task<(IReadOnlyList<ReplayedGroup> Groups, int Skipped, int Messages)> RunAsync(string path, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        await using var reader = SqliteHistoryReader.Open(path);
        var groups = new List<ReplayedGroup>();
        int skipped = 0, messages = 0;
        foreach (string groupId in await reader.GroupsAsync(cancellationToken).ConfigureAwait(false))
        {
            var named = await reader.CoordinatorsAsync(groupId, cancellationToken).ConfigureAwait(false);
            var history = await reader.ProcessedAsync(groupId, cancellationToken).ConfigureAwait(false);
            var roles = new RoleTimeline([], [], named.Select(static c => new Appointment(c.SenderId, c.At)));
            var replay = GroupHistory.Replay(
                history.Where(r => until is not { } at || r.Message.Time <= at).Select(static r => new ProcessedMessage(r.Message, r.ReceivedAt)),
                roles);
            groups.Add(new ReplayedGroup(groupId.Length == 0 ? null : groupId, replay.State));
            skipped += replay.Skipped.Length;
            messages += history.Count;
        }
        return (groups, skipped, messages);
    }
}
