using ChainBot.Core.Chains;

namespace ChainBot.Core.Merging;

public sealed partial class ChainMerger
{
    /// <summary>A copy matches a chain when at least this share of its entries are lines the chain knows.</summary>
    private const double SharedLinesToMatch = 0.5;

    /// <summary>
    /// A post with numbered entries, or a chain's header alone: a copy of a chain (its header or most of its lines
    /// match one), or a new chain.
    /// Lines known by their text are carried over as they are; the rest are merged one by one.
    /// </summary>
    private GroupState Copy(GroupState state, Turn turn, ChainPost post)
    {
        var keys = post.Entries.Select(entry => LineKeys.Of(entry.Line)).ToArray();
        // Whether the copy is whole is a matter of what was posted: read again under the chain's header (below), a
        // tail copy would seem to carry that header.
        bool fullCopy = IsFullCopy(post);
        var chain = FindChain(state, post, keys, turn.Message.Time);
        if (chain is null && !HasHeader(post))
        {
            // Numbered lines and no header: a copy that lost it, the tail of one, or someone's own numbered line.
            // With one chain open it is that chain's; with none, a chain of its own; with several, a question.
            var open = state.Chains.Where(c => c.IsOpenAt(turn.Message.Time)).ToList();
            if (open.Count > 1)
                return Report(state, turn, ReportReasons.NoChain);
            chain = open.FirstOrDefault();
        }
        if (chain is null)
        {
            chain = new ChainState { Number = state.Chains.Count + 1, Header = post.Header, OpenedBy = turn.By };
            state = state with { Chains = state.Chains.Add(chain) };
            turn.Events.Add(new ChainOpened(turn.Message.MsgId, chain.Number));
        }
        else if (!HasHeader(post) && !chain.Header.Catalogue.IsDefaultOrEmpty)
        {
            // Read without a header, a copy's lines are a roster's: read them again with the chain's catalogue.
            post = _parser.ParseUnder(turn.Message.Text, chain.Header);
            keys = [.. post.Entries.Select(entry => LineKeys.Of(entry.Line))];
        }

        var edit = new ChainEdit(chain);
        if (HasHeader(post) && _roles.Runs(turn.Message.SenderId, chain) && post.Header != chain.Header)
            edit.Header = post.Header; // its coordinator re-posted it with a new deadline or catalogue

        var carried = new EntrySet(edit.Count + post.Entries.Length);
        var fresh = new List<int>();
        for (int i = 0; i < keys.Length; i++)
        {
            if (edit.TryFindLine(keys[i], out int id))
                carried.Add(id);
            else
                fresh.Add(i);
        }
        foreach (int i in fresh)
            carried.Add(MergeLine(edit, post.Entries[i], keys[i], turn, LineSource.Copy, carried));
        KeepUnread(edit, post.Unread, turn);

        if (fullCopy)
        {
            var frozen = carried.ToImmutable();
            edit.Latest = new LatestCopy(turn.Message.MsgId, frozen, Horizon(edit, carried, turn.Message.MsgId));
            edit.EverCarried = EntrySet.Union(edit.EverCarried, frozen);
        }
        return Put(state, edit);
    }

    /// <summary>
    /// The chain a post copies: the one sharing most of its lines, or an open one with the same title or catalogue.
    /// A closed chain (past its deadline, or 截止) is matched by its lines only: the next day's chain with the same
    /// title is a new chain.
    /// </summary>
    private static ChainState? FindChain(GroupState state, ChainPost post, string[] keys, DateTimeOffset time)
    {
        ChainState? best = null;
        double bestScore = 0;
        string? title = TitleKey(post.Header);
        string? catalogue = CatalogueKey(post.Header);
        for (int c = state.Chains.Count - 1; c >= 0; c--)
        {
            var chain = state.Chains[c];
            int known = 0;
            foreach (string key in keys)
            {
                if (chain.Index.Lines.ContainsKey(key))
                    known++;
            }
            double share = keys.Length == 0 ? 0 : (double)known / keys.Length;
            bool sameHeader = chain.IsOpenAt(time)
                && ((title is not null && title == TitleKey(chain.Header)) || (catalogue is not null && catalogue == CatalogueKey(chain.Header)));
            double score = share >= SharedLinesToMatch ? 1 + share : sameHeader ? 0.5 + share : 0;
            if (score > bestScore)
            {
                best = chain;
                bestScore = score;
            }
        }
        return best;
    }

    private static bool HasHeader(ChainPost post) => post.Header.Title is not null || !post.Header.Catalogue.IsDefaultOrEmpty;

    /// <summary>
    /// A copy of the whole chain, whose missing lines mean something: it has the header, or starts at entry 1.
    /// A copy of the tail (6. first) leaves out the head on purpose.
    /// </summary>
    private static bool IsFullCopy(ChainPost post) => HasHeader(post) || post.Entries.IsEmpty || post.Entries[0].Seq is null or 1;

    /// <summary>How far the copier had seen: the latest line, added by another message, that the copy carries.</summary>
    private static int Horizon(ChainEdit edit, EntrySet carried, string msgId)
    {
        int horizon = 0;
        for (int id = 1; id <= edit.Count; id++)
        {
            var entry = edit[id];
            if (carried.Contains(id) && entry.Added.MsgId != msgId)
                horizon = Math.Max(horizon, entry.AddedOrdinal);
        }
        return horizon;
    }

    private static string? TitleKey(ChainHeader header) => header.Title is { } title ? LineKeys.Of(title) : null;

    private static string? CatalogueKey(ChainHeader header) =>
        header.Catalogue.IsDefaultOrEmpty ? null : string.Join('|', header.Catalogue.Select(item => item.Name).Order(StringComparer.Ordinal));
}
