namespace ChainBot.Server.Tests.Support;

/// <summary>
/// The system clock moved forward by <see cref="Offset"/>: a test turns the server's time a day on (a link expires)
/// while its timers keep running at the real pace, so the outbox and the inbox go on working.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far ahead of the system clock this one is.</summary>
    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
