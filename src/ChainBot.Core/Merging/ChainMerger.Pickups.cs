using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Commands;

namespace ChainBot.Core.Merging;

public sealed partial class ChainMerger
{
    /// <summary>
    /// Pickup registration (领取登记): <c>到货</c> from whoever runs the chain marks its goods arrived; then <c>已领</c>
    /// registers the sender's own households, <c>12-301 已取</c> one household (anyone may: a neighbour collects for
    /// another), and <c>12号楼全部已领</c> a whole building (a coordinator or a volunteer). Each household keeps its first
    /// registration, with who made it and when. A pickup before <c>到货</c> is recorded all the same: people collect
    /// when the goods are there, whether or not the coordinator said so. <c>未领</c> only asks.
    /// </summary>
    private GroupState Pickup(GroupState state, Turn turn, BotCommand command)
    {
        string sender = turn.Message.SenderId;
        var chain = command.Kind == BotCommandKind.Deliver ? DeliveryTarget(state, sender) : PickupTarget(state);
        turn.Events.Add(new CommandReceived(turn.Message.MsgId, command, chain?.Number));
        state = Ignore(state, turn, "command");
        turn.Events.RemoveAt(turn.Events.Count - 1); // the command event says it all
        if (chain is null)
            return state;

        switch (command.Kind)
        {
            case BotCommandKind.Deliver when _roles.Runs(sender, chain) && chain.Delivered is null:
                turn.Events.Add(new Delivered(turn.Message.MsgId, chain.Number));
                return PutChain(state, chain with { Delivered = turn.By });
            case BotCommandKind.PickUp when command.Argument is null:
                return Collect(state, turn, chain, OwnHouseholds(chain, sender));
            case BotCommandKind.PickUp:
                return Collect(state, turn, chain, NamedHouseholds(chain, command.Argument));
            case BotCommandKind.PickUpBuilding when _roles.MayChangeAny(sender, chain):
                return Collect(state, turn, chain, BuildingHouseholds(chain, command.Argument ?? string.Empty));
            default:
                return state;
        }
    }

    /// <summary>
    /// The chain <c>到货</c> is about: the latest order the sender runs that has not arrived yet (a roster run beside
    /// it has no goods), else the latest chain they run, else the latest.
    /// </summary>
    private ChainState? DeliveryTarget(GroupState state, string sender) =>
        state.Chains.LastOrDefault(c => _roles.Runs(sender, c) && c.Kind == ChainKind.Order && c.Delivered is null)
        ?? state.Chains.LastOrDefault(c => _roles.Runs(sender, c))
        ?? (state.Chains.IsEmpty ? null : state.Chains[^1]);

    /// <summary>The chain pickups are about: the latest one marked arrived, else the latest.</summary>
    private static ChainState? PickupTarget(GroupState state) =>
        state.Chains.LastOrDefault(chain => chain.Delivered is not null) ?? (state.Chains.IsEmpty ? null : state.Chains[^1]);

    /// <summary>Registers <paramref name="households"/> as collected, keeping earlier registrations as they were.</summary>
    private static GroupState Collect(GroupState state, Turn turn, ChainState chain, IEnumerable<HouseholdId> households)
    {
        var fresh = ImmutableArray.CreateBuilder<HouseholdId>();
        var already = ImmutableArray.CreateBuilder<HouseholdId>();
        var pickedUp = chain.PickedUp.ToBuilder();
        foreach (var household in households.Distinct())
        {
            if (pickedUp.TryAdd(household, turn.By))
                fresh.Add(household);
            else
                already.Add(household);
        }
        turn.Events.Add(new PickedUp(turn.Message.MsgId, chain.Number, fresh.ToImmutable(), already.ToImmutable()));
        return fresh.Count == 0 ? state : PutChain(state, chain with { PickedUp = pickedUp.ToImmutable() });
    }

    /// <summary>The households of the sender's own lines that count, and of the lines they added for neighbours.</summary>
    private static IEnumerable<HouseholdId> OwnHouseholds(ChainState chain, string sender) =>
        chain.Entries
            .Where(entry => entry.Counts && (entry.Owner == sender || (entry.Owner is null && entry.Added.SenderId == sender)))
            .Select(entry => entry.Entry.Household);

    /// <summary>
    /// The households of the chain at the address written (<c>12-301</c>, <c>12号楼2单元301</c>): every part written
    /// must match, so <c>12-301</c> finds <c>一区12号301</c> too.
    /// </summary>
    private IEnumerable<HouseholdId> NamedHouseholds(ChainState chain, string written)
    {
        var read = _parser.ParseReply(written, ChainHeader.Empty);
        if (read.Entries.IsEmpty || read.Entries[0].Address is not { Room: not null } want)
            return [];
        return chain.Entries
            .Where(entry => entry.Counts && Fits(want, entry.Entry.Address))
            .Select(entry => entry.Entry.Household);
    }

    private static bool Fits(Address want, Address have) =>
        want.Room == have.Room
        && string.Equals(want.Building, have.Building, StringComparison.OrdinalIgnoreCase)
        && (want.Entrance is null || want.Entrance == have.Entrance)
        && (want.Area is null || want.Area == have.Area);

    /// <summary>Every household of the building (<c>12</c>, or one entrance, <c>12-3</c>) with a line that counts.</summary>
    private static IEnumerable<HouseholdId> BuildingHouseholds(ChainState chain, string argument)
    {
        int dash = argument.IndexOf('-', StringComparison.Ordinal);
        string building = dash < 0 ? argument : argument[..dash];
        string? entrance = dash < 0 ? null : argument[(dash + 1)..];
        return chain.Entries
            .Where(entry => entry.Counts
                && string.Equals(entry.Entry.Address.Building, building, StringComparison.OrdinalIgnoreCase)
                && (entrance is null || entry.Entry.Address.Entrance == entrance))
            .Select(entry => entry.Entry.Household);
    }

    private static GroupState PutChain(GroupState state, ChainState chain) =>
        state with { Chains = state.Chains.SetItem(chain.Number - 1, chain) };
}
