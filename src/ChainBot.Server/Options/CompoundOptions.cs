namespace ChainBot.Server.Options;

/// <summary>
/// The section <c>ChainBot:Compound</c>: the compound file that declares areas (片区), groups of buildings (营) and
/// their leaders (samples/compound/README.md). Without it every tally stays per building.
/// </summary>
public sealed class CompoundOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChainBot:Compound";

    /// <summary>The compound file, <c>.json</c> or <c>.csv</c>; relative paths are under the content root. None: no zones.</summary>
    public string? Path { get; set; }
}
