using System.Diagnostics;
using System.Globalization;
using ChainBot.Fuzz.Targets;

namespace ChainBot.Fuzz.Running;

/// <summary>
/// Runs inputs through the targets, one at a time on the calling thread: times each (<see cref="Stopwatch"/>), keeps the
/// slowest, catches every exception (none is documented for user content, so each is a crash) and writes the first
/// input of each distinct crash to the out folder. Targets are warmed up first, and an input timed over 20 ms is timed
/// once more with the faster time kept (see <see cref="Retime"/>). A watchdog writes out an input that runs past
/// <see cref="FuzzSettings.HangAfter"/> and reports it.
/// </summary>
internal static class FuzzRunner
{
    /// <summary>Runs <paramref name="settings"/> over <paramref name="targets"/>.</summary>
    /// <param name="settings">How many inputs, from which seed, for how long, and where crashes go.</param>
    /// <param name="targets">Every target; those not matching <see cref="FuzzSettings.Target"/> are left out.</param>
    /// <param name="onHang">Called from the watchdog with the hanging input (the command line ends the process).</param>
    /// <param name="progress">Where a line of progress is written every 50,000 inputs; null for none.</param>
    public static FuzzReport Run(FuzzSettings settings, IReadOnlyList<FuzzTarget> targets, Action<FuzzCase>? onHang = null, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var chosen = targets.Where(t => settings.Target is null || t.Name.StartsWith(settings.Target, StringComparison.Ordinal)).ToList();
        if (chosen.Count == 0)
            throw new ArgumentException($"no target starts with '{settings.Target}'", nameof(settings));
        if (settings.Out is not null)
            Directory.CreateDirectory(settings.Out);

        var perTarget = chosen.ToDictionary(t => t.Name, _ => 0L, StringComparer.Ordinal);
        var slowest = new List<FuzzCase>();
        var crashes = new Dictionary<string, FuzzCrash>(StringComparer.Ordinal);
        long crashing = 0;
        var watch = new Watchdog(settings, onHang);
        WarmUp(chosen);
        var run = Stopwatch.StartNew();
        long done = 0;
        using (watch.Start())
        {
            for (long index = 0; index < settings.Inputs; index++)
            {
                if (settings.Seconds > 0 && run.Elapsed.TotalSeconds >= settings.Seconds)
                    break;
                var input = FuzzInput.Create(chosen, settings.Seed, index);
                watch.Begin(input);
                long started = Stopwatch.GetTimestamp();
                Exception? failure = null;
                try
                {
                    input.Run();
                }
#pragma warning disable CA1031 // Every exception is what the fuzzer looks for.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = e;
                }
                double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (failure is null && ms > RetimeAbove)
                    ms = Math.Min(ms, Retime(input));
                watch.End();
                done++;
                perTarget[input.Target.Name]++;
                Keep(slowest, new FuzzCase(input.Target.Name, index, ms, input.Length), settings.Slowest);
                if (failure is not null)
                {
                    crashing++;
                    string key = input.Target.Name + "|" + Describe(failure);
                    if (!crashes.ContainsKey(key))
                        crashes[key] = new FuzzCrash(input.Target.Name, index, Describe(failure), Write(settings, "crash", input, failure.ToString()));
                }
                if (progress is not null && done % 50_000 == 0)
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done:N0} inputs, {run.Elapsed.TotalSeconds:F0} s, {crashes.Count} crashes"));
            }
        }
        return new FuzzReport(done, run.Elapsed, perTarget, slowest, [.. crashes.Values], crashing, watch.Hang);
    }

    /// <summary>An input slower than this (ms) is timed a second time, and the faster time kept.</summary>
    private const double RetimeAbove = 20;

    /// <summary>
    /// Times an input again: on a machine shared with other builds, one slow time can be the thread waiting for a core
    /// or a garbage collection that an earlier input caused. The input's own cost is what it takes when it runs.
    /// </summary>
    private static double Retime(FuzzInput input)
    {
        long started = Stopwatch.GetTimestamp();
        input.Run();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Calls each target with its first seeds untimed, so the first inputs' times are not the JIT's.</summary>
    private static void WarmUp(IReadOnlyList<FuzzTarget> targets)
    {
        foreach (var target in targets)
        {
            foreach (string seed in target.Seeds.Take(20))
            {
                try
                {
                    if (target.TakesBytes)
                        target.RunBytes!(System.Text.Encoding.UTF8.GetBytes(seed));
                    else
                        target.RunText!(seed);
                }
#pragma warning disable CA1031 // A seed that throws is found again, and reported, by the run itself.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
        }
    }

    /// <summary>The exception's type and message, and where it was thrown: one line that tells two crashes apart.</summary>
    internal static string Describe(Exception e)
    {
        string? frame = e.StackTrace?.Split('\n', 2)[0].Trim();
        return $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} {frame}";
    }

    private static void Keep(List<FuzzCase> slowest, FuzzCase candidate, int count)
    {
        if (slowest.Count == count && candidate.Milliseconds <= slowest[^1].Milliseconds)
            return;
        int at = slowest.FindIndex(s => s.Milliseconds < candidate.Milliseconds);
        slowest.Insert(at < 0 ? slowest.Count : at, candidate);
        if (slowest.Count > count)
            slowest.RemoveAt(slowest.Count - 1);
    }

    /// <summary>Writes the input (<c>KIND-TARGET-INDEX.bin</c>) and what it did (<c>.txt</c>); returns the input's path.</summary>
    internal static string? Write(FuzzSettings settings, string kind, FuzzInput input, string what)
    {
        if (settings.Out is null)
            return null;
        string path = Path.Combine(settings.Out, string.Create(CultureInfo.InvariantCulture, $"{kind}-{input.Target.Name}-{input.Index}.bin"));
        File.WriteAllBytes(path, input.Content);
        File.WriteAllText(Path.ChangeExtension(path, ".txt"),
            string.Create(CultureInfo.InvariantCulture, $"target {input.Target.Name}, seed {settings.Seed}, input {input.Index}\n{what}\n"));
        return path;
    }
}
