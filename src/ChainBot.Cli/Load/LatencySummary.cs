namespace ChainBot.Cli.Load;

/// <summary>Percentiles of a set of latencies, in milliseconds (nearest rank: p99 of 200 is the 198th smallest).</summary>
/// <param name="P50">The median.</param>
/// <param name="P90">The 90th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
/// <param name="Max">The largest.</param>
internal readonly record struct LatencySummary(double P50, double P90, double P99, double Max)
{
    /// <summary>Summarizes latencies given in microseconds, negative ones (no answer) left out; null when none is left.</summary>
    public static LatencySummary? Of(ReadOnlySpan<int> microseconds)
    {
        var answered = new List<int>(microseconds.Length);
        foreach (int value in microseconds)
        {
            if (value >= 0)
                answered.Add(value);
        }
        if (answered.Count == 0)
            return null;
        answered.Sort();
        return new LatencySummary(Rank(answered, 0.50), Rank(answered, 0.90), Rank(answered, 0.99), answered[^1] / 1000.0);
    }

    private static double Rank(List<int> sorted, double percentile)
    {
        int rank = (int)Math.Ceiling(percentile * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)] / 1000.0;
    }
}
