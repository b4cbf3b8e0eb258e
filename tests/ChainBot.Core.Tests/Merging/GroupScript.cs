using System.Globalization;
using System.Text;
using ChainBot.Core.Chains;
using ChainBot.Core.Merging;
using ChainBot.Core.Messages;

namespace ChainBot.Core.Tests.Merging;

/// <summary>A group's conversation, message by message, and its state in a compact text form for assertions.</summary>
internal sealed class GroupScript(ChainMerger? merger = null)
{
    private readonly ChainMerger _merger = merger ?? ChainMerger.Default;
    private int _count;

    public GroupState State { get; private set; } = GroupState.Empty;

    public DateTimeOffset Time { get; set; } = new(2022, 4, 18, 9, 30, 0, TimeSpan.FromHours(8));

    public List<IncomingMessage> Messages { get; } = [];

    /// <summary>Posts a message a minute after the previous one (or at <paramref name="at"/>, "HH:mm").</summary>
    public MergeResult Post(string sender, string text, string? at = null, string? msgId = null, Solitaire? solitaire = null)
    {
        Time = at is null ? Time.AddMinutes(1) : Time.Date.Add(TimeSpan.Parse(at, CultureInfo.InvariantCulture)) is var t ? new DateTimeOffset(t, Time.Offset) : Time;
        var message = new IncomingMessage(msgId ?? $"m{++_count}", "g1", sender, sender.ToUpperInvariant(), Time, text, false, solitaire);
        return Send(message);
    }

    public MergeResult Send(IncomingMessage message)
    {
        Messages.Add(message);
        var result = _merger.Apply(State, message);
        State = result.State;
        return result;
    }

    public ChainState Chain(int number = 1) => State.Chain(number);

    /// <summary>One line per entry: <c>id|building-room|name|items|status|owner|marks</c>.</summary>
    public string Dump(int chain = 1) => Dump(Chain(chain));

    public static string Dump(ChainState chain)
    {
        var text = new StringBuilder();
        foreach (var merged in chain.Entries)
        {
            var e = merged.Entry;
            string household = e.Address.IsEmpty ? "" : $"{e.Address.Area}{e.Address.Building}-{e.Address.Room}";
            string items = string.Join(';', e.Items.Select(i => $"{i.Item}={i.Quantity.ToString(CultureInfo.InvariantCulture)}{i.Unit}"));
            string status = e.Status == EntryStatus.Cancelled ? "cancelled" : "active";
            string marks = string.Join(',', EntryMarkNames.Of(chain.MarksOf(merged)));
            text.Append(CultureInfo.InvariantCulture, $"{merged.Id}|{household}|{e.Name}|{items}|{status}|{merged.Owner ?? "(" + merged.Added.SenderId + ")"}|{marks}\n");
        }
        return text.ToString().TrimEnd('\n');
    }
}
