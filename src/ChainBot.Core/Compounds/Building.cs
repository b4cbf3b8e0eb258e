namespace ChainBot.Core.Compounds;

/// <summary>One building (楼) of the compound as the compound file lists it, with its volunteer (楼组长 / 班长).</summary>
/// <param name="Number">The building as residents write it, canonical (design.md): <c>"12"</c>, <c>"A3"</c>.</param>
/// <param name="Volunteer">The building's volunteer, or null.</param>
public sealed record Building(string Number, Leader? Volunteer = null);
