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
        var chain = CommandTarget(state, sender, turn.Message.Time);
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

    /// <summary>The chain a command is about: the latest open chain the sender runs, else the latest open one, else the latest.</summary>
    private ChainState? CommandTarget(GroupState state, string sender, DateTimeOffset time) =>
        state.Chains.LastOrDefault(chain => chain.IsOpenAt(time) && _roles.Runs(sender, chain))
        ?? state.Chains.LastOrDefault(chain => chain.IsOpenAt(time))
        ?? state.Chains.LastOrDefault(chain => _roles.Runs(sender, chain))
        ?? (state.Chains.IsEmpty ? null : state.Chains[^1]);

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
