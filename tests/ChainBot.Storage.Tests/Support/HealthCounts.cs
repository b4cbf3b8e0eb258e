namespace ChainBot.Storage.Tests.Support;

/// A store's health with only its counts: for the tests about what waits, not since when.
internal static class HealthCounts
{
    /// The health without the oldest waiting message's and reply's times.
    public static StoreHealth Counts(this StoreHealth health) => health with { OldestPendingMessageAt = null, OldestPendingReplyAt = null };
}
