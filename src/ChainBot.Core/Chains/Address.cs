namespace ChainBot.Core.Chains;

/// <summary>
/// Where a household lives, in canonical form: compound part (区/期) as written, building and room as digits.
/// </summary>
/// <param name="Area">The compound part (一区, 东区, 二期, 沧海二期) where written; else null.</param>
/// <param name="Building">The building (楼/栋/号/幢) without its suffix, Arabic digits: "12", "A3".</param>
/// <param name="Entrance">The entrance (单元) as digits: "3".</param>
/// <param name="Room">The room (室) as digits: "1201".</param>
/// <param name="Floor">The floor (楼层) when only a floor is written (12号 3楼).</param>
public readonly record struct Address(string? Area, string? Building, string? Entrance, string? Room, string? Floor = null)
{
    /// <summary>True when nothing of an address was found.</summary>
    public bool IsEmpty => Area is null && Building is null && Entrance is null && Room is null && Floor is null;
}
