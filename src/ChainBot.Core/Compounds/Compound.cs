using System.Collections.Immutable;

namespace ChainBot.Core.Compounds;

/// <summary>
/// A compound run in levels (小区): its areas (片区), their groups of buildings (营) and the buildings, with who leads
/// each — the 团长, 片区长, 营长 and each building's volunteer (楼组长 / 班长). Read from the compound file by
/// <see cref="CompoundReader"/>, which checks it: names are not empty, a building is in one group, a group in one area,
/// no two zones share a name.
/// </summary>
/// <remarks>Immutable and thread-safe; lookups are indexed once, when it is made.</remarks>
public sealed class Compound
{
    private readonly Dictionary<(string Area, string Building), BuildingPlace> _byArea = [];
    private readonly Dictionary<string, List<BuildingPlace>> _byNumber = [];
    private readonly Dictionary<string, Zone> _zones = [];

    /// <summary>Makes a compound; <see cref="CompoundReader"/> makes checked ones.</summary>
    /// <param name="name">The compound's name (天山三村).</param>
    /// <param name="head">The 团长, or null.</param>
    /// <param name="areas">Its areas, in the file's order.</param>
    public Compound(string name, Leader? head, ImmutableArray<Area> areas)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Head = head;
        Areas = areas.IsDefault ? [] : areas;
        int rank = 0;
        foreach (var area in Areas)
        {
            _zones.TryAdd(ZoneNames.Key(area.Name), new Zone(ZoneLevel.Area, area.Name));
            foreach (var group in area.Groups)
            {
                _zones.TryAdd(ZoneNames.Key(group.Name), new Zone(ZoneLevel.Group, group.Name));
                foreach (var building in group.Buildings)
                {
                    var place = new BuildingPlace(area, group, building, rank++);
                    _byArea.TryAdd((ZoneNames.Key(area.Name), building.Number), place);
                    if (!_byNumber.TryGetValue(building.Number, out var places))
                        _byNumber.Add(building.Number, places = []);
                    places.Add(place);
                }
            }
        }
        BuildingCount = rank;
    }

    /// <summary>The compound's name.</summary>
    public string Name { get; }

    /// <summary>The 团长, or null.</summary>
    public Leader? Head { get; }

    /// <summary>The areas (片区), in the file's order.</summary>
    public ImmutableArray<Area> Areas { get; }

    /// <summary>Every group of buildings (营), area by area.</summary>
    public IEnumerable<BuildingGroup> Groups => Areas.SelectMany(area => area.Groups);

    /// <summary>How many buildings the file lists.</summary>
    public int BuildingCount { get; }

    /// <summary>
    /// Where a chain's building is: by area and number when the line wrote an area (一区12号 and 三区12号 are two
    /// buildings), by number alone when only one building of the compound has it. Null when the file does not list
    /// it, or the number alone could be several.
    /// </summary>
    /// <param name="area">The compound part the line wrote (<c>一区</c>), or null.</param>
    /// <param name="building">The canonical building (<c>12</c>), or null.</param>
    public BuildingPlace? Locate(string? area, string? building)
    {
        if (building is null)
            return null;
        string number = building.ToUpperInvariant();
        if (area is not null)
            return _byArea.GetValueOrDefault((ZoneNames.Key(area), number));
        return _byNumber.TryGetValue(number, out var places) && places.Count == 1 ? places[0] : null;
    }

    /// <summary>
    /// The area or group called <paramref name="name"/> (<c>一营</c>, <c>1营</c>, <c>二区</c>, <c>东区</c>), or the
    /// compound by its own name; null when none is.
    /// </summary>
    public Zone? FindZone(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = ZoneNames.Key(name);
        if (key.Length == 0)
            return null;
        if (key == ZoneNames.Key(Name))
            return new Zone(ZoneLevel.Compound, Name);
        return _zones.GetValueOrDefault(key);
    }

    /// <summary>
    /// The zone the sender leads, the highest where they lead several: the compound for its 团长, an area for its
    /// 片区长, a group for its 营长, a building for its volunteer; null for everyone else.
    /// </summary>
    public Zone? LedBy(string? senderId, string? senderName)
    {
        if (Head?.Is(senderId, senderName) == true)
            return new Zone(ZoneLevel.Compound, Name);
        foreach (var area in Areas)
        {
            if (area.Leader?.Is(senderId, senderName) == true)
                return new Zone(ZoneLevel.Area, area.Name);
        }
        foreach (var group in Groups)
        {
            if (group.Leader?.Is(senderId, senderName) == true)
                return new Zone(ZoneLevel.Group, group.Name);
        }
        foreach (var area in Areas)
        {
            foreach (var building in area.Buildings)
            {
                if (building.Volunteer?.Is(senderId, senderName) == true)
                    return new Zone(ZoneLevel.Building, building.Number, area.Name);
            }
        }
        return null;
    }
}
