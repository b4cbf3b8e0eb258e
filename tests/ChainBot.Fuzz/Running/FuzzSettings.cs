namespace ChainBot.Fuzz.Running;

/// <summary>What a fuzzing run is asked for (the command line's <c>--inputs --seed --seconds --out --target</c>).</summary>
/// <param name="Inputs">How many inputs to run.</param>
/// <param name="Seed">The seed every input is derived from: the same seed gives the same inputs.</param>
/// <param name="Seconds">Stop after this long even if inputs remain; 0 for no bound.</param>
/// <param name="Out">Where crashing and hanging inputs are written; null to write none.</param>
/// <param name="Target">Run only the targets whose name starts with this; null for all.</param>
/// <param name="Replay">A written input to run once through <paramref name="Target"/> instead of a run; null for a run.</param>
internal sealed record FuzzSettings(long Inputs, int Seed, double Seconds = 0, string? Out = null, string? Target = null, string? Replay = null)
{
    /// <summary>An input running longer than this is a hang: it is written out and the run ends.</summary>
    public TimeSpan HangAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many of the slowest inputs the report keeps.</summary>
    public int Slowest { get; init; } = 10;
}
