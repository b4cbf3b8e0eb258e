using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChainBot.Storage;

namespace ChainBot.Server.Telemetry;

/// <summary>
/// The bot's metrics, on the meter <see cref="MeterName"/>: messages received (by channel), processed and failed;
/// lines the parser could not read; how long an acknowledgement took; and, from the store's last health sample
/// (<see cref="StoreWatch"/>), the inbox's and outbox's backlog and the age of their oldest waiting row.
/// </summary>
/// <remarks>
/// Thread-safe: instruments may be recorded from any thread. Created through <see cref="IMeterFactory"/>, so each host
/// (each test's server) has a meter of its own that a <see cref="MeterListener"/> can tell apart.
/// </remarks>
internal sealed class ChainBotMetrics
{
    /// <summary>The meter's name, as an OpenTelemetry exporter or <c>dotnet-counters</c> subscribes to it.</summary>
    public const string MeterName = "ChainBot";

    private readonly Counter<long> _received;
    private readonly Counter<long> _processed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _unreadLines;
    private readonly Histogram<double> _acknowledgement;
    private readonly TimeProvider _time;
    private StoreHealth? _health;

    /// <summary>Creates the meter and its instruments.</summary>
    public ChainBotMetrics(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        Meter = meters.Create(MeterName);
        _received = Meter.CreateCounter<long>("chainbot.messages.received", "{message}", "Messages acknowledged to a channel, a re-delivery (duplicate=true) included.");
        _processed = Meter.CreateCounter<long>("chainbot.messages.processed", "{message}", "Messages merged into their group and committed with their replies.");
        _failed = Meter.CreateCounter<long>("chainbot.messages.failed", "{message}", "Messages the merger failed on (a bug: skipped, kept in the inbox).");
        _unreadLines = Meter.CreateCounter<long>("chainbot.parser.unread_lines", "{line}", "Chain lines the parser could not read (each reported once per chain).");
        _acknowledgement = Meter.CreateHistogram<double>("chainbot.ack.duration", "ms", "From a webhook request's arrival at its handler to the message being on disk.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000] });
        Meter.CreateObservableGauge("chainbot.inbox.backlog", () => Health(h => h.PendingMessages), "{message}", "Messages accepted and not yet processed (last health sample).");
        Meter.CreateObservableGauge("chainbot.inbox.oldest_age", () => Age(h => h.OldestPendingMessageAt), "s", "Age of the oldest message not yet processed (last health sample).");
        Meter.CreateObservableGauge("chainbot.outbox.backlog", () => Health(h => h.PendingReplies), "{reply}", "Replies not yet delivered, parked ones excluded (last health sample).");
        Meter.CreateObservableGauge("chainbot.outbox.oldest_age", () => Age(h => h.OldestPendingReplyAt), "s", "Age of the oldest reply not yet delivered (last health sample).");
        Meter.CreateObservableGauge("chainbot.outbox.parked", () => Health(h => h.ParkedReplies), "{reply}", "Replies given up on: they need a person (last health sample).");
    }

    /// <summary>The meter every instrument belongs to.</summary>
    public Meter Meter { get; }

    /// <summary>A message acknowledged on <paramref name="channel"/>, <paramref name="started"/> being the handler's <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public void Acknowledged(string channel, bool duplicate, long started)
    {
        var tags = new TagList { { "channel", channel }, { "duplicate", duplicate } };
        _received.Add(1, tags);
        _acknowledgement.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
    }

    /// <summary>Messages of a group committed as processed, <paramref name="failed"/> of them skipped because the merger failed.</summary>
    public void Processed(int messages, int failed)
    {
        _processed.Add(messages);
        if (failed > 0)
            _failed.Add(failed);
    }

    /// <summary>Chain lines the parser could not read, newly reported.</summary>
    public void UnreadLines(int lines)
    {
        if (lines > 0)
            _unreadLines.Add(lines);
    }

    /// <summary>Keeps the store's latest health for the gauges.</summary>
    public void Sampled(StoreHealth health) => Volatile.Write(ref _health, health);

    private IEnumerable<Measurement<long>> Health(Func<StoreHealth, long> value) =>
        Volatile.Read(ref _health) is { Reachable: true } health ? [new Measurement<long>(value(health))] : [];

    private IEnumerable<Measurement<double>> Age(Func<StoreHealth, DateTimeOffset?> oldest)
    {
        if (Volatile.Read(ref _health) is not { Reachable: true } health)
            return [];
        var at = oldest(health);
        return [new Measurement<double>(at is null ? 0 : Math.Max(0, (_time.GetUtcNow() - at.Value).TotalSeconds))];
    }
}
