using System.Diagnostics;

namespace ChainBot.Fuzz.Running;

/// <summary>
/// Watches the input being run from a timer thread: one still running after <see cref="FuzzSettings.HangAfter"/> is
/// written out as a hang, once, and reported to the callback (an input cannot be stopped from outside its thread).
/// </summary>
/// <remarks>Begin and End come from the fuzzing thread, the check from the timer's; the current input is swapped atomically.</remarks>
internal sealed class Watchdog(FuzzSettings settings, Action<FuzzCase>? onHang)
{
    private sealed record Running(FuzzInput Input, long Started);

    private Running? _running;
    private FuzzCase? _hang;

    /// <summary>The input that hung, if one did.</summary>
    public FuzzCase? Hang => Volatile.Read(ref _hang);

    /// <summary>Starts checking every quarter second; dispose to stop.</summary>
    public IDisposable Start() => new Timer(_ => Check(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));

    public void Begin(FuzzInput input) => Volatile.Write(ref _running, new Running(input, Stopwatch.GetTimestamp()));

    public void End() => Volatile.Write(ref _running, null);

    private void Check()
    {
        var running = Volatile.Read(ref _running);
        if (running is null || Hang is not null)
            return;
        var elapsed = Stopwatch.GetElapsedTime(running.Started);
        if (elapsed < settings.HangAfter)
            return;
        var hang = new FuzzCase(running.Input.Target.Name, running.Input.Index, elapsed.TotalMilliseconds, running.Input.Length);
        if (Interlocked.CompareExchange(ref _hang, hang, null) is not null)
            return;
        FuzzRunner.Write(settings, "hang", running.Input, $"still running after {elapsed.TotalSeconds:F1} s");
        onHang?.Invoke(hang);
    }
}
