namespace ChainBot.Storage.Tests.Support;

/// A clock the test moves by hand: the store reads processed, created and parked times from it.
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => Now;
}
