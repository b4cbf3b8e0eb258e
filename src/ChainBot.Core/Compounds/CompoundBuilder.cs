using System.Collections.Immutable;

namespace ChainBot.Core.Compounds;

/// <summary>
/// Assembles the buildings either form of the file gives into a <see cref="Compound"/>, checking what both forms
/// must hold: a building is listed once and in one group, a group is in one area, an area or group has one leader,
/// no area shares its name with a group (<c>统计 一营</c> must say one zone).
/// </summary>
internal sealed class CompoundBuilder(List<CompoundError> errors)
{
    private readonly List<AreaDraft> _areas = [];
    private readonly Dictionary<string, AreaDraft> _areaByKey = [];
    private readonly Dictionary<string, GroupDraft> _groupByKey = [];
    private readonly Dictionary<(string Area, string Number), (GroupDraft Group, string Where)> _buildings = [];

    /// <summary>Adds one building with its area and group; a problem is added to the errors and the row skipped.</summary>
    public void Add(BuildingRow row)
    {
        string? number = ZoneNames.Building(row.Building);
        if (number is null)
        {
            errors.Add(new CompoundError(row.Where, $"\"{row.Building}\" is not a building number (write it as residents do: 12, 12号楼, A3)"));
            return;
        }
        string areaKey = ZoneNames.Key(row.Area), groupKey = ZoneNames.Key(row.Group);
        if (areaKey.Length == 0 || groupKey.Length == 0)
        {
            errors.Add(new CompoundError(row.Where, areaKey.Length == 0 ? "the area's name is empty" : "the group's name is empty"));
            return;
        }
        if (!_areaByKey.TryGetValue(areaKey, out var area))
        {
            _areaByKey.Add(areaKey, area = new AreaDraft(row.Area.Trim(), row.Where));
            _areas.Add(area);
        }
        Lead(ref area.Leader, ref area.LeaderWhere, row.AreaLeader, row.Where, "area " + area.Name);
        if (!_groupByKey.TryGetValue(groupKey, out var group))
        {
            _groupByKey.Add(groupKey, group = new GroupDraft(row.Group.Trim(), area, row.Where));
            area.Groups.Add(group);
        }
        else if (group.Area != area)
        {
            errors.Add(new CompoundError(row.Where,
                $"group {group.Name} is in two areas: {group.Area.Name} ({group.Where}) and {area.Name} ({row.Where})"));
            return;
        }
        Lead(ref group.Leader, ref group.LeaderWhere, row.GroupLeader, row.Where, "group " + group.Name);
        if (_buildings.TryGetValue((areaKey, number), out var listed))
        {
            errors.Add(new CompoundError(row.Where, listed.Group == group
                ? $"building {number} of {area.Name} is listed twice ({listed.Where} and {row.Where})"
                : $"building {number} of {area.Name} is in two groups: {listed.Group.Name} ({listed.Where}) and {group.Name} ({row.Where})"));
            return;
        }
        _buildings.Add((areaKey, number), (group, row.Where));
        group.Buildings.Add(new Building(number, row.Volunteer));
    }

    /// <summary>The compound, or null when it has errors (those found here are added).</summary>
    /// <param name="name">The compound's name; <c>小区</c> when the file gives none.</param>
    /// <param name="head">The 团长, or null.</param>
    /// <param name="where">Where the file as a whole is, for an error that belongs to no row.</param>
    public Compound? Build(string? name, Leader? head, string where)
    {
        if (_buildings.Count == 0 && errors.Count == 0)
            errors.Add(new CompoundError(where, "no building is listed"));
        foreach (var (key, group) in _groupByKey)
        {
            if (_areaByKey.TryGetValue(key, out var area))
                errors.Add(new CompoundError(group.Where, $"group {group.Name} has the name of area {area.Name} ({area.Where}): 统计 {group.Name} would not say which"));
        }
        if (errors.Count > 0)
            return null;
        var areas = _areas.Select(area => new Area(area.Name, area.Leader,
            [.. area.Groups.Select(group => new BuildingGroup(group.Name, group.Leader, [.. group.Buildings]))]));
        return new Compound(string.IsNullOrWhiteSpace(name) ? "小区" : name.Trim(), head, [.. areas]);
    }

    /// <summary>Keeps a zone's leader; a second, different one is an error.</summary>
    private void Lead(ref Leader? leader, ref string? leaderWhere, Leader? given, string where, string zone)
    {
        if (given is null)
            return;
        if (leader is null)
        {
            (leader, leaderWhere) = (given, where);
            return;
        }
        // Names stay out of the message: it goes to the server's log.
        if (leader != given)
            errors.Add(new CompoundError(where, $"{zone} has two different leaders ({leaderWhere} and {where})"));
    }

    private sealed class AreaDraft(string name, string where)
    {
        public string Name { get; } = name;
        public string Where { get; } = where;
        public Leader? Leader;
        public string? LeaderWhere;
        public List<GroupDraft> Groups { get; } = [];
    }

    private sealed class GroupDraft(string name, AreaDraft area, string where)
    {
        public string Name { get; } = name;
        public AreaDraft Area { get; } = area;
        public string Where { get; } = where;
        public Leader? Leader;
        public string? LeaderWhere;
        public List<Building> Buildings { get; } = [];
    }
}
