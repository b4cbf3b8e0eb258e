using System.Globalization;
using ChainBot.Server.Options;
using ChainBot.Storage;

namespace ChainBot.Server.Endpoints;

/// <summary>What <c>/readyz</c> concludes from the store's health and the limits of <see cref="HealthOptions"/>.</summary>
/// <param name="Ready">False: a load balancer should send this instance no traffic, an operator should look.</param>
/// <param name="Status">Why, in a few words with the figures (<c>outbox backlog: 1,200 replies (limit 1,000)</c>).</param>
internal readonly record struct Readiness(bool Ready, string Status)
{
    /// <summary>
    /// Not ready when the database does not answer, or the bot falls behind: too many messages or replies waiting,
    /// or the oldest message waiting too long (processing stuck). Parked replies need a person, not a restart: they
    /// show in the status without failing it. Pure: the clock is passed in.
    /// </summary>
    public static Readiness Of(StoreHealth health, HealthOptions limits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(limits);
        if (!health.Reachable)
            return new(false, "database unreachable");
        if (health.PendingMessages > limits.MaxInboxBacklog)
            return new(false, Format($"inbox backlog: {health.PendingMessages:N0} messages (limit {limits.MaxInboxBacklog:N0})"));
        if (health.PendingReplies > limits.MaxOutboxBacklog)
            return new(false, Format($"outbox backlog: {health.PendingReplies:N0} replies (limit {limits.MaxOutboxBacklog:N0})"));
        if (Age(health.OldestPendingMessageAt, now) is { } age && age > limits.MaxPendingAge)
            return new(false, Format($"oldest unprocessed message waiting {age.TotalSeconds:N0} s (limit {limits.MaxPendingAge.TotalSeconds:N0} s)"));
        return new(true, health.ParkedReplies > 0 ? "ready; replies parked" : "ready");
    }

    /// <summary>How long something accepted at <paramref name="since"/> has waited; null when nothing waits.</summary>
    public static TimeSpan? Age(DateTimeOffset? since, DateTimeOffset now) =>
        since is { } at ? (now > at ? now - at : TimeSpan.Zero) : null;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
