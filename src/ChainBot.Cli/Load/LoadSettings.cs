namespace ChainBot.Cli.Load;

/// <summary>What a <c>load</c> run is asked to do.</summary>
/// <param name="Urls">The bot's generic webhook, or several instances' (one database behind them): send <c>n</c> goes to URL <c>n mod U</c>.</param>
/// <param name="Rate">Requests per second to schedule.</param>
/// <param name="Duration">How long to keep scheduling.</param>
/// <param name="Concurrency">Requests in flight at most, and connections to the bot.</param>
/// <param name="Timeout">How long one request may wait for its answer.</param>
internal sealed record LoadSettings(IReadOnlyList<Uri> Urls, double Rate, TimeSpan Duration, int Concurrency, TimeSpan Timeout)
{
    /// <summary>The hard cap on requests: rate × duration, rounded.</summary>
    public long Planned => (long)Math.Round(Rate * Duration.TotalSeconds);

    /// <summary>The URL send number <paramref name="sequence"/> goes to.</summary>
    public Uri UrlOf(long sequence) => Urls[(int)(sequence % Urls.Count)];
}
