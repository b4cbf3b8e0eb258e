using System.Collections.Immutable;

namespace ChainBot.Core.Merging;

/// <summary>
/// A group's roles over time: the coordinators and volunteers configured for it, and the coordinators named in the
/// group (<see cref="Appointment"/>), each in force from the first message received after the one that named them.
/// Replaying a group's history with <see cref="At"/> gives each message the roles the group had when it came.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RoleTimeline
{
    private readonly ImmutableArray<string> _configured;
    private readonly ImmutableArray<string> _volunteers;

    /// <summary>A timeline of configured roles and the appointments made in the group, in any order.</summary>
    public RoleTimeline(IEnumerable<string> coordinators, IEnumerable<string> volunteers, IEnumerable<Appointment> appointments)
    {
        ArgumentNullException.ThrowIfNull(coordinators);
        ArgumentNullException.ThrowIfNull(volunteers);
        ArgumentNullException.ThrowIfNull(appointments);
        _configured = [.. coordinators];
        _volunteers = [.. volunteers];
        Appointments = [.. appointments.OrderBy(static a => a.At)];
    }

    /// <summary>No configured roles and no appointments: only a chain's opener runs it.</summary>
    public static RoleTimeline None { get; } = new([], [], []);

    /// <summary>The appointments, oldest first.</summary>
    public ImmutableArray<Appointment> Appointments { get; }

    /// <summary>How many appointments are in force for a message received at <paramref name="receivedAt"/>: those made strictly before.</summary>
    public int InForceAt(DateTimeOffset receivedAt)
    {
        int count = 0;
        while (count < Appointments.Length && Appointments[count].At < receivedAt)
            count++;
        return count;
    }

    /// <summary>The roles with the first <paramref name="appointments"/> appointments in force.</summary>
    public GroupRoles With(int appointments) =>
        GroupRoles.Of(_configured.Concat(Appointments.Take(appointments).Select(static a => a.SenderId)), _volunteers);

    /// <summary>The roles a message received at <paramref name="receivedAt"/> is merged with.</summary>
    public GroupRoles At(DateTimeOffset receivedAt) => With(InForceAt(receivedAt));

    /// <summary>The roles as they stand now: every appointment in force.</summary>
    public GroupRoles Now => With(Appointments.Length);
}
