namespace ChainBot.Cli.Load;

/// <summary>What a <c>load</c> run is asked to do.</summary>
/// <param name="Url">The bot's generic webhook.</param>
/// <param name="Rate">Requests per second to schedule.</param>
/// <param name="Duration">How long to keep scheduling.</param>
/// <param name="Concurrency">Requests in flight at most, and connections to the bot.</param>
/// <param name="Timeout">How long one request may wait for its answer.</param>
internal sealed record LoadSettings(Uri Url, double Rate, TimeSpan Duration, int Concurrency, TimeSpan Timeout)
{
    /// <summary>The hard cap on requests: rate × duration, rounded.</summary>
    public long Planned => (long)Math.Round(Rate * Duration.TotalSeconds);
}
