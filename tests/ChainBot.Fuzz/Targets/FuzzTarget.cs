namespace ChainBot.Fuzz.Targets;

/// <summary>
/// One API under fuzzing: its name, the seeds its inputs are mutated from, and how it is called. A text target takes
/// the mutant as a string; a bytes target takes its UTF-8, sometimes with bytes flipped after encoding, so that
/// invalid UTF-8 reaches the decoders as it would from the network.
/// </summary>
/// <param name="Name">The name reports and crash files use (<c>parser.parse</c>, <c>wechat.aes</c>…).</param>
/// <param name="Seeds">The seeds its inputs are mutated from.</param>
/// <param name="RunText">Calls the API with a text input; null for a bytes target.</param>
/// <param name="RunBytes">Calls the API with a body; null for a text target.</param>
internal sealed record FuzzTarget(string Name, IReadOnlyList<string> Seeds, Action<string>? RunText = null, Action<byte[]>? RunBytes = null)
{
    /// <summary>True when the target takes bytes (a request body) rather than text.</summary>
    public bool TakesBytes => RunBytes is not null;
}
