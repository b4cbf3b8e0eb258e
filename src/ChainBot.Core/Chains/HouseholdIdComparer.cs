namespace ChainBot.Core.Chains;

/// <summary>
/// Compares <see cref="HouseholdId"/>s by value with a hash cheaper than the default one: the fields are short
/// digit strings (12, 301), hashed char by char from a seed chosen per process, so crafted collisions cannot be
/// planned in advance.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class HouseholdIdComparer : IEqualityComparer<HouseholdId>
{
    private static readonly uint Seed = (uint)Random.Shared.Next();

    /// <summary>The shared instance.</summary>
    public static HouseholdIdComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool Equals(HouseholdId x, HouseholdId y) =>
        string.Equals(x.Room, y.Room, StringComparison.Ordinal)
        && string.Equals(x.Building, y.Building, StringComparison.Ordinal)
        && string.Equals(x.Name, y.Name, StringComparison.Ordinal)
        && string.Equals(x.Entrance, y.Entrance, StringComparison.Ordinal)
        && string.Equals(x.Area, y.Area, StringComparison.Ordinal)
        && string.Equals(x.Floor, y.Floor, StringComparison.Ordinal);

    /// <inheritdoc />
    public int GetHashCode(HouseholdId obj)
    {
        uint hash = Seed;
        hash = Mix(hash, obj.Area);
        hash = Mix(hash, obj.Building);
        hash = Mix(hash, obj.Entrance);
        hash = Mix(hash, obj.Room);
        hash = Mix(hash, obj.Floor);
        hash = Mix(hash, obj.Name);
        return (int)hash;
    }

    private static uint Mix(uint hash, string? value)
    {
        // FNV-1a over the UTF-16 units, with a separator so ("1","23") and ("12","3") differ.
        const uint Prime = 16777619;
        if (value is not null)
        {
            foreach (char c in value)
                hash = (hash ^ c) * Prime;
        }
        return (hash ^ 0xFFFF) * Prime;
    }
}
