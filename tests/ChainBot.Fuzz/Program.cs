using System.Globalization;
using ChainBot.Fuzz.Running;
using ChainBot.Fuzz.Seeds;
using ChainBot.Fuzz.Targets;

namespace ChainBot.Fuzz;

/// <summary>
/// <c>ChainBot.Fuzz [--inputs N] [--seed S] [--seconds T] [--out DIR] [--target PREFIX]</c>: a mutation fuzzer over
/// the parser, the merger, the command reader, the replies, each channel's decoder and the transcript reader, seeded
/// from samples/. Prints the report; exit code 0 when no input crashed, 1 when one did, 2 for bad arguments, 3 when
/// an input hung (it is written to DIR and the run ends).
/// </summary>
internal static class Program
{
    private const string Usage = "usage: ChainBot.Fuzz [--inputs N] [--seed S] [--seconds T] [--out DIR] [--target PREFIX]\n"
        + "       ChainBot.Fuzz --replay FILE --target NAME   (runs one written input again, timed)";

    public static int Main(string[] args)
    {
        if (!TryParse(args, out var settings, out string? error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var seeds = SeedCorpus.Load(SeedCorpus.FindRepository(AppContext.BaseDirectory));
        var targets = FuzzTargets.All(seeds);
        if (settings.Replay is not null)
            return Replay(settings, targets);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzzing {settings.Inputs:N0} inputs, seed {settings.Seed}, {targets.Count} targets, {seeds.Texts.Count + seeds.Xml.Count + seeds.Json.Count + seeds.Conversations.Count + seeds.Transcripts.Count} seeds"));
        var report = FuzzRunner.Run(settings, targets, hang =>
        {
            Console.Error.WriteLine($"hang: {hang.Target} input {hang.Index} ran over {hang.Milliseconds:F0} ms; written to {settings.Out ?? "(no --out)"}");
            Environment.Exit(3);
        }, Console.Out);
        Console.Write(report);
        if (settings.Out is not null)
            File.WriteAllText(Path.Combine(settings.Out, "report.txt"), report.ToString());
        return report.Clean ? 0 : 1;
    }

    /// <summary>Runs a crash or hang file (<c>--out</c>'s <c>.bin</c>) through its target once, and says what it did.</summary>
    private static int Replay(FuzzSettings settings, IReadOnlyList<FuzzTarget> targets)
    {
        var target = targets.FirstOrDefault(t => t.Name == settings.Target);
        if (target is null)
        {
            Console.Error.WriteLine($"--replay needs --target, one of: {string.Join(", ", targets.Select(t => t.Name))}");
            return 2;
        }
        byte[] content = File.ReadAllBytes(settings.Replay!);
        var input = new FuzzInput(target, -1, System.Text.Encoding.UTF8.GetString(content), target.TakesBytes ? content : null);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            input.Run();
        }
#pragma warning disable CA1031 // Reported, as the run would.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Console.WriteLine(e);
            return 1;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target.Name}: no exception, {watch.Elapsed.TotalMilliseconds:F1} ms"));
        return 0;
    }

    private static bool TryParse(string[] args, out FuzzSettings settings, out string? error)
    {
        settings = new FuzzSettings(100_000, 1);
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length)
            {
                error = $"{args[i]} needs a value";
                return false;
            }
            string value = args[++i];
            var c = CultureInfo.InvariantCulture;
            switch (args[i - 1])
            {
                case "--inputs" when long.TryParse(value, NumberStyles.None, c, out long n) && n > 0:
                    settings = settings with { Inputs = n };
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, c, out int s):
                    settings = settings with { Seed = s };
                    break;
                case "--seconds" when double.TryParse(value, NumberStyles.Float, c, out double t) && t >= 0:
                    settings = settings with { Seconds = t };
                    break;
                case "--out":
                    settings = settings with { Out = value };
                    break;
                case "--target":
                    settings = settings with { Target = value };
                    break;
                case "--replay":
                    settings = settings with { Replay = value };
                    break;
                default:
                    error = $"bad option or value: {args[i - 1]} {value}";
                    return false;
            }
        }
        return true;
    }
}
