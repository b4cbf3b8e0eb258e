namespace ChainBot.Core.Chains;

/// <summary>
/// Which household (户) an entry belongs to: area, building, entrance and room where a room is written;
/// with a building but no room (12号 3楼), the floor and the name too; with no address, the name alone.
/// </summary>
/// <param name="Area">Compound part.</param>
/// <param name="Building">Building.</param>
/// <param name="Entrance">Entrance.</param>
/// <param name="Room">Room.</param>
/// <param name="Floor">Floor, when no room is known.</param>
/// <param name="Name">Name, when no room is known.</param>
public readonly record struct HouseholdId(string? Area, string? Building, string? Entrance, string? Room, string? Floor, string? Name)
{
    /// <summary>The household of an address and a name.</summary>
    public static HouseholdId Of(Address address, string? name) =>
        address.Room is not null
            ? new HouseholdId(address.Area, address.Building, address.Entrance, address.Room, null, null)
            : new HouseholdId(address.Area, address.Building, address.Entrance, null, address.Floor, name ?? string.Empty);

    /// <summary>A stable text form: <c>area/building/entrance/room</c>, or with <c>@name</c> when no room is known.</summary>
    public override string ToString() =>
        Room is not null ? $"{Area}/{Building}/{Entrance}/{Room}" : $"{Area}/{Building}/{Entrance}/{Floor}@{Name}";
}
