using ChainBot.Core.Text;

namespace ChainBot.Core.Chains;

/// <summary>
/// Compares <see cref="HouseholdId"/>s by value with a hash cheaper than the default one: the fields are short
/// digit strings (12, 301), hashed char by char from a seed chosen per process, so crafted collisions cannot be
/// planned in advance.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class HouseholdIdComparer : IEqualityComparer<HouseholdId>
{
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
        uint hash = ShortStringHash.Seed;
        hash = ShortStringHash.Add(hash, obj.Area);
        hash = ShortStringHash.Add(hash, obj.Building);
        hash = ShortStringHash.Add(hash, obj.Entrance);
        hash = ShortStringHash.Add(hash, obj.Room);
        hash = ShortStringHash.Add(hash, obj.Floor);
        hash = ShortStringHash.Add(hash, obj.Name);
        return (int)hash;
    }
}
