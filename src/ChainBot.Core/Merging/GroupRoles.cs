using System.Collections.Immutable;

namespace ChainBot.Core.Merging;

/// <summary>
/// Who may change other people's lines and run a chain in a group: coordinators (团长, from configuration) and
/// building volunteers (楼组志愿者). Whoever opened a chain counts as its coordinator too.
/// </summary>
/// <param name="Coordinators">Sender ids of the group's coordinators.</param>
/// <param name="Volunteers">Sender ids of its volunteers.</param>
public sealed record GroupRoles(ImmutableHashSet<string> Coordinators, ImmutableHashSet<string> Volunteers)
{
    /// <summary>No configured roles: only a chain's opener runs it.</summary>
    public static GroupRoles None { get; } = new([], []);

    /// <summary>Roles from lists of ids.</summary>
    public static GroupRoles Of(IEnumerable<string> coordinators, IEnumerable<string>? volunteers = null) =>
        new([.. coordinators], [.. volunteers ?? []]);

    /// <summary>These roles and <paramref name="other"/>'s together (configuration's and the compound file's).</summary>
    public GroupRoles With(GroupRoles other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Coordinators.Union(other.Coordinators), Volunteers.Union(other.Volunteers));
    }

    /// <summary>True when <paramref name="senderId"/> runs <paramref name="chain"/>: a coordinator, or its opener.</summary>
    public bool Runs(string senderId, ChainState chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return Coordinators.Contains(senderId) || chain.OpenedBy.SenderId == senderId;
    }

    /// <summary>True when <paramref name="senderId"/> may change anyone's line in <paramref name="chain"/>.</summary>
    public bool MayChangeAny(string senderId, ChainState chain) => Runs(senderId, chain) || Volunteers.Contains(senderId);
}
