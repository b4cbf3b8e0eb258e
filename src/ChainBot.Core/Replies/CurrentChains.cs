using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>
/// The chains a question (统计, 3号楼, 我的) is about: every chain still open when it was asked, and every chain that
/// ended (its deadline, or 截止) in the day before — a coordinator asks 统计 just after the deadline to place the
/// order, and that chain must not vanish because another seller's chain is still open. With none of those, the chain
/// the merger took the command to be about (the latest). At most <see cref="ReplyDefaults.ChainsShown"/>, the latest.
/// </summary>
/// <param name="Shown">The chains to answer about, in the order they were opened.</param>
/// <param name="Hidden">How many older current chains were left out.</param>
internal sealed record CurrentChains(IReadOnlyList<ChainState> Shown, int Hidden)
{
    /// <summary>How long after it ended a chain is still what people ask about.</summary>
    private static readonly TimeSpan Recent = TimeSpan.FromHours(24);

    /// <summary>The chains <paramref name="exchange"/>'s question is about; <paramref name="fallback"/> is the command's chain.</summary>
    public static CurrentChains Of(Exchange exchange, int? fallback)
    {
        var now = exchange.Message.Time;
        var current = exchange.State.Chains.Where(chain => IsCurrent(chain, now)).ToList();
        if (current.Count == 0 && exchange.Chain(fallback) is { } only)
            current.Add(only);
        int hidden = Math.Max(0, current.Count - ReplyDefaults.ChainsShown);
        return new CurrentChains(current.Skip(hidden).ToList(), hidden);
    }

    private static bool IsCurrent(ChainState chain, DateTimeOffset now)
    {
        if (chain.IsOpenAt(now))
            return true;
        var ended = chain.ClosedBy?.Time ?? chain.Header.Deadline;
        return ended is { } end && end <= now && now - end <= Recent;
    }
}
