using ChainBot.Fuzz.Seeds;

namespace ChainBot.Fuzz.Targets;

/// <summary>Every target, in a fixed order (input <c>i</c> goes to target <c>i mod count</c>).</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All(SeedCorpus seeds) => [.. CoreTargets.Create(seeds), .. ChannelTargets.Create(seeds)];
}
