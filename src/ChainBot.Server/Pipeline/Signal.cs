namespace ChainBot.Server.Pipeline;

/// <summary>
/// Wakes a background loop when there is work (a message accepted, a reply queued), so it need not poll fast; the
/// loop still looks every so often, for work left by a restart or another instance.
/// </summary>
internal abstract class Signal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    /// <summary>Says there is work; any number of calls before the loop wakes count as one.</summary>
    public void Set()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set: the loop will look once for all of them.
        }
    }

    /// <summary>Waits for <see cref="Set"/> or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}

/// <summary>The inbox has messages to process.</summary>
internal sealed class InboxSignal : Signal;

/// <summary>The outbox has replies to send.</summary>
internal sealed class OutboxSignal : Signal;
