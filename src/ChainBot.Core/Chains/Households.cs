namespace ChainBot.Core.Chains;

/// <summary>Household identity (户): the same flat, however its address was typed, is one household.</summary>
public static class Households
{
    /// <summary>
    /// The key of a household: <c>area/building/entrance/room</c> when an address is known, else <c>@name</c>.
    /// A floor alone does not identify a flat, so a building with only a floor falls back to the name as well.
    /// </summary>
    public static string KeyOf(Address address, string? name)
    {
        if (address.Room is not null)
            return $"{address.Area}/{address.Building}/{address.Entrance}/{address.Room}";
        if (address.Building is not null)
            return $"{address.Area}/{address.Building}/{address.Entrance}/{address.Floor}F@{name}";
        return "@" + (name ?? string.Empty);
    }
}
