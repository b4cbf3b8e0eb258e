using ChainBot.Core.Parsing;

namespace ChainBot.Cli.Input;

/// <summary>
/// Reads a large chain's parts on the thread pool while the caller writes the parts before them: the lines are read
/// and cut into parts on the caller's thread, each part is parsed and encoded on a worker, and the caller gets them
/// back in the order of the file. At most <see cref="MaxPartsInFlight"/> parts are in flight, so memory stays
/// bounded however large the file.
/// </summary>
internal static class EncodedParts
{
    /// <summary>About 2,000 entries, 600 KB of JSON: large enough that handing a part over costs nothing beside it.</summary>
    private const int LinesPerPart = 2048;

    /// <summary>Enough to keep every core busy while the caller writes.</summary>
    private static int MaxPartsInFlight => 2 * Environment.ProcessorCount;

    /// <summary>The parts of <paramref name="chain"/>, read and encoded, in order; a worker's failure is thrown here.</summary>
    public static IEnumerable<EncodedPart> Read(ChainReader chain)
    {
        var inFlight = new Queue<Task<EncodedPart>>();
        try
        {
            foreach (var part in chain.ReadParts(LinesPerPart))
            {
                inFlight.Enqueue(Task.Run(() => EncodedPart.Read(part)));
                if (inFlight.Count >= MaxPartsInFlight)
                    yield return inFlight.Dequeue().GetAwaiter().GetResult();
            }
            while (inFlight.Count > 0)
                yield return inFlight.Dequeue().GetAwaiter().GetResult();
        }
        finally
        {
            // The caller stopped early, or a part failed: wait for the workers, and give their encoders back.
            foreach (var task in inFlight)
            {
                try
                {
                    task.GetAwaiter().GetResult().Dispose();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Already failing or abandoned: the first failure is the one reported.
                }
            }
        }
    }
}
