namespace ChainBot.Core.Compounds;

/// <summary>
/// One building as either form of the compound file gives it, before the compound is assembled and checked: the
/// CSV's row, or a building of the JSON's tree with its area's and group's names and leaders.
/// </summary>
/// <param name="Area">The area's name as written.</param>
/// <param name="AreaLeader">The area's leader where this row gives one.</param>
/// <param name="Group">The group's name as written.</param>
/// <param name="GroupLeader">The group's leader where this row gives one.</param>
/// <param name="Building">The building as written (<c>12</c>, <c>12号楼</c>).</param>
/// <param name="Volunteer">The building's volunteer, or null.</param>
/// <param name="Where">Where the row is in the file, for errors: <c>line 5</c>.</param>
internal sealed record BuildingRow(
    string Area, Leader? AreaLeader, string Group, Leader? GroupLeader, string Building, Leader? Volunteer, string Where);
