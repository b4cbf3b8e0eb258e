using ChainBot.Core.Chains;
using ChainBot.Core.Commands;

namespace ChainBot.Core.Merging;

public sealed partial class ChainMerger
{
    /// <summary>
    /// A command to the bot. Most only ask (统计, 我的): the bot answers from the state. <c>截止</c> and <c>接受</c> from
    /// whoever runs the chain change it; from anyone else they change nothing.
    /// </summary>
    private GroupState Command(GroupState state, Turn turn, BotCommand command)
    {
        string sender = turn.Message.SenderId;
        if (command.Kind is BotCommandKind.Deliver or BotCommandKind.PickUp or BotCommandKind.PickUpBuilding or BotCommandKind.Uncollected)
            return Pickup(state, turn, command);
        var chain = CommandTarget(state, sender, turn.Message.Time, command.Kind);
        turn.Events.Add(new CommandReceived(turn.Message.MsgId, command, chain?.Number));
        state = Ignore(state, turn, "command");
        turn.Events.RemoveAt(turn.Events.Count - 1); // the command event says it all

        if (chain is null || !_roles.Runs(sender, chain))
            return state;
        var edit = new ChainEdit(chain);
        switch (command.Kind)
        {
            case BotCommandKind.Close when !chain.Closed:
                edit.ClosedBy = turn.By;
                turn.Events.Add(new ChainClosed(turn.Message.MsgId, chain.Number));
                break;
            case BotCommandKind.Accept:
                int accepted = AcceptLate(edit, command.Argument);
                turn.Events.Add(new LateAccepted(turn.Message.MsgId, chain.Number, accepted));
                break;
            default:
                return state;
        }
        return Put(state, edit);
    }

    /// <summary>
    /// The chain a command is about: the latest open chain the sender runs, else the latest open one, else the latest
    /// the sender runs, else the latest. A coordinator often runs an order and a roster (配药登记) at once, so where
    /// the command names no chain its kind picks one: <c>接受</c> the chain holding late lines, <c>导出</c> an order
    /// (a roster has no supplier), <c>截止</c> the chain whose deadline is nearest (截止 at 8 pm closes the chain due
    /// at 8 pm, not the roster that has no deadline).
    /// </summary>
    private ChainState? CommandTarget(GroupState state, string sender, DateTimeOffset time, BotCommandKind kind)
    {
        var runs = state.Chains.Where(chain => _roles.Runs(sender, chain)).ToList();
        if (kind == BotCommandKind.Accept && runs.LastOrDefault(HoldsLateLines) is { } late)
            return late;
        var open = runs.Where(chain => chain.IsOpenAt(time)).ToList();
        if (open.Count == 0)
            open = state.Chains.Where(chain => chain.IsOpenAt(time)).ToList();
        if (kind == BotCommandKind.Export && (open.LastOrDefault(IsOrder) ?? runs.LastOrDefault(IsOrder)) is { } order)
            return order;
        if (kind == BotCommandKind.Close)
        {
            // 截止 just after the deadline confirms it: that chain is still the one meant.
            var due = runs.Where(c => !c.Closed && c.Header.Deadline is { } d && (c.IsOpenAt(time) || time - d <= RecentDeadline)).ToList();
            if (due.Count > 0 && (open.Count > 1 || !open.Any(c => c.Header.Deadline is not null)))
                return Enumerable.Reverse(due).MinBy(c => (c.Header.Deadline!.Value - time).Duration());
        }
        return open.LastOrDefault() ?? runs.LastOrDefault() ?? (state.Chains.IsEmpty ? null : state.Chains[^1]);
    }

    /// <summary>How long after its deadline a chain is still the one a bare <c>截止</c> closes.</summary>
    private static readonly TimeSpan RecentDeadline = TimeSpan.FromHours(12);

    private static bool IsOrder(ChainState chain) => chain.Kind == ChainKind.Order;

    /// <summary>True when the chain has lines or changes that came late and are not counted yet.</summary>
    private static bool HoldsLateLines(ChainState chain) =>
        chain.Entries.Any(static entry => (entry.Late && !entry.Accepted) || entry.LateChange is not null);

    /// <summary>Counts late lines (all, or one household's: 接受 12-301) and makes late changes; returns how many.</summary>
    private int AcceptLate(ChainEdit edit, string? household)
    {
        HouseholdId? only = null;
        if (household is not null)
        {
            // A household alone, read as a roster's line: under an order chain's catalogue it would want a quantity.
            var read = _parser.ParseReply(household, ChainHeader.Empty);
            if (read.Entries.IsEmpty || read.Entries[0].Address.IsEmpty)
                return 0;
            only = read.Entries[0].Household;
        }
        int accepted = 0;
        for (int id = 1; id <= edit.Count; id++)
        {
            var entry = edit[id];
            if (only is { } h && entry.Entry.Household != h)
                continue;
            if (entry.Late && !entry.Accepted)
            {
                edit.Replace(entry with { Accepted = true });
                accepted++;
            }
            else if (entry.LateChange is { } change)
            {
                edit.Replace(entry with { Entry = change, Changed = entry.LateChangeBy, LateChange = null, LateChangeBy = null });
                accepted++;
            }
        }
        return accepted;
    }
}
