namespace ChainBot.Core.Compounds;

/// <summary>The levels a large compound is run in, from the top (层级).</summary>
public enum ZoneLevel
{
    /// <summary>The whole compound (小区), run by the 团长.</summary>
    Compound,

    /// <summary>An area (片区), run by a 片区长.</summary>
    Area,

    /// <summary>A group of about 20 buildings (营), run by a 营长.</summary>
    Group,

    /// <summary>One building (楼组), run by its volunteer (楼组长 / 班长).</summary>
    Building,
}
