using ChainBot.Server.Options;
using ChainBot.Storage;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Telemetry;

/// <summary>
/// Samples the store's health every <see cref="HealthOptions.SampleInterval"/> for the backlog gauges: a gauge is read
/// synchronously by whoever collects, so it reports the last sample rather than query the database itself.
/// </summary>
internal sealed class StoreWatch(IChainBotStore store, ChainBotMetrics metrics, IOptions<HealthOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval, time);
        do
        {
            // Never throws: an unreachable store is a sample too (the gauges then report nothing).
            metrics.Sampled(await store.HealthAsync(stoppingToken).ConfigureAwait(false));
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
