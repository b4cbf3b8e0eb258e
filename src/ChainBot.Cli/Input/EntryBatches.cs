using System.Collections.Concurrent;
using ChainBot.Core.Chains;
using ChainBot.Core.Parsing;

namespace ChainBot.Cli.Input;

/// <summary>
/// Reads a chain's entries on a worker thread and hands them over in batches, so that parsing one part of a large
/// file overlaps with writing out the part before it. At most <see cref="MaxBatchesInFlight"/> batches wait, so
/// memory stays bounded however large the file.
/// </summary>
/// <remarks>One reader thread (the worker) and one consumer; <see cref="Dispose"/> waits for the worker.</remarks>
internal sealed class EntryBatches : IDisposable
{
    private const int BatchSize = 2048;
    private const int MaxBatchesInFlight = 4;

    private readonly BlockingCollection<ChainEntry[]> _batches = new(MaxBatchesInFlight);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;

    private EntryBatches(ChainReader chain) => _worker = Task.Run(() => Produce(chain));

    /// <summary>Starts reading <paramref name="chain"/>'s entries on a worker thread.</summary>
    public static EntryBatches Start(ChainReader chain) => new(chain);

    /// <summary>The entries in file order; a failure of the reader is thrown here, at the end.</summary>
    public IEnumerable<ChainEntry> Entries()
    {
        foreach (var batch in _batches.GetConsumingEnumerable())
        {
            foreach (var entry in batch)
                yield return entry;
        }
        _worker.GetAwaiter().GetResult();
    }

    private void Produce(ChainReader chain)
    {
        try
        {
            var batch = new List<ChainEntry>(BatchSize);
            foreach (var entry in chain.ReadEntries())
            {
                batch.Add(entry);
                if (batch.Count == BatchSize)
                {
                    _batches.Add([.. batch], _stop.Token);
                    batch.Clear();
                }
            }
            if (batch.Count > 0)
                _batches.Add([.. batch], _stop.Token);
        }
        finally
        {
            _batches.CompleteAdding();
        }
    }

    /// <summary>Stops the worker if the consumer gave up early, and waits for it.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _worker.Wait();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            // The consumer stopped reading: the worker was told to stop.
        }
        _batches.Dispose();
        _stop.Dispose();
    }
}
