using System.ComponentModel.DataAnnotations;

namespace ChainBot.Server.Options;

/// <summary>
/// The section <c>ChainBot:Health</c>: when <c>/readyz</c> says the bot is not ready (503) because it is falling behind,
/// and how often the metrics sample the store.
/// </summary>
public sealed class HealthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChainBot:Health";

    /// <summary>More unprocessed messages than this: not ready. Default 10,000.</summary>
    [Range(0, long.MaxValue)]
    public long MaxInboxBacklog { get; set; } = 10_000;

    /// <summary>More undelivered replies (parked ones excluded) than this: not ready. Default 1,000.</summary>
    [Range(0, long.MaxValue)]
    public long MaxOutboxBacklog { get; set; } = 1_000;

    /// <summary>The oldest unprocessed message waiting longer than this: not ready. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxPendingAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the store's backlog is sampled for the metrics' gauges. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(5);
}
