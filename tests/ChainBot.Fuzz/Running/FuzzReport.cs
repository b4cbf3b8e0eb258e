using System.Globalization;
using System.Text;

namespace ChainBot.Fuzz.Running;

/// <summary>One input's outcome worth reporting: which target, which input (its index replays it), how long, how big.</summary>
internal sealed record FuzzCase(string Target, long Index, double Milliseconds, int Length);

/// <summary>An exception an input raised: the first input that raised it, and where it was written.</summary>
internal sealed record FuzzCrash(string Target, long Index, string Exception, string? File);

/// <summary>What a run found: inputs run, per target, the slowest inputs, and every distinct crash.</summary>
internal sealed record FuzzReport(
    long Inputs,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, long> PerTarget,
    IReadOnlyList<FuzzCase> Slowest,
    IReadOnlyList<FuzzCrash> Crashes,
    long CrashingInputs,
    FuzzCase? Hang)
{
    /// <summary>True when no input crashed or hung.</summary>
    public bool Clean => Crashes.Count == 0 && Hang is null;

    /// <summary>The report as the console prints it, and as README's figures are copied from.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"inputs: {Inputs:N0} in {Elapsed.TotalSeconds:F1} s ({Inputs / Math.Max(Elapsed.TotalSeconds, 0.001):N0}/s)");
        text.AppendLine(c, $"per target: {string.Join(", ", PerTarget.Select(p => $"{p.Key} {p.Value:N0}"))}");
        text.AppendLine(c, $"crashes: {Crashes.Count} distinct, {CrashingInputs:N0} inputs");
        foreach (var crash in Crashes)
            text.AppendLine(c, $"  {crash.Target} #{crash.Index}: {crash.Exception}{(crash.File is null ? "" : " → " + crash.File)}");
        if (Hang is not null)
            text.AppendLine(c, $"hang: {Hang.Target} #{Hang.Index} ({Hang.Length:N0} chars) ran over {Hang.Milliseconds:F0} ms");
        text.AppendLine("slowest:");
        foreach (var slow in Slowest)
            text.AppendLine(c, $"  {slow.Milliseconds,8:F2} ms  {slow.Target} #{slow.Index} ({slow.Length:N0} chars)");
        return text.ToString();
    }
}
