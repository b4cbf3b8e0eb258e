using System.Globalization;
using System.Text;
using ChainBot.Core.Chains;
using ChainBot.Core.Merging;
using ChainBot.Core.Tally;

namespace ChainBot.Core.Tests.Merging;

/// <summary>
/// A group's merged state as the text of a sample's <c>.expected.txt</c>: per chain its header line, one line per
/// entry (<c>id|area building-room|name|items|status|owner|added by|changed by|flags</c>), its conflicts, its
/// tally per building and in total; then the reported and the ignored messages.
/// </summary>
internal static class StateFormatter
{
    public static string Format(GroupState state)
    {
        var text = new StringBuilder();
        foreach (var chain in state.Chains)
        {
            text.Append(CultureInfo.InvariantCulture, $"chain {chain.ChainId} \"{chain.Header.Title}\" {chain.Kind.ToString().ToLowerInvariant()}, opened by {chain.OpenedBy.SenderId} ({chain.OpenedBy.MsgId})");
            if (chain.ClosedBy is { } closed)
                text.Append(CultureInfo.InvariantCulture, $", closed by {closed.SenderId} ({closed.MsgId})");
            if (chain.IsNative)
                text.Append(", native");
            text.Append('\n');
            foreach (var merged in chain.Entries)
            {
                var e = merged.Entry;
                string household = e.Address.IsEmpty ? "" : $"{e.Address.Area}{e.Address.Building}-{e.Address.Entrance}{(e.Address.Entrance is null ? "" : "-")}{e.Address.Room ?? e.Address.Floor + "F"}";
                string status = e.Status == EntryStatus.Cancelled ? "cancelled" : "active";
                string flags = string.Join(',', EntryMarkNames.Of(chain.MarksOf(merged)).Append(e.OnBehalf ? "on-behalf" : null).OfType<string>());
                text.Append(CultureInfo.InvariantCulture,
                    $"{merged.Id}|{household}|{e.Name}|{Items(e.Items)}|{status}|{merged.Owner ?? "-"}|{merged.Added.SenderId} {merged.Added.MsgId}|{(merged.Changed is { } c ? c.SenderId + " " + c.MsgId : "")}|{flags}\n");
            }
            foreach (var conflict in chain.Conflicts)
                text.Append(CultureInfo.InvariantCulture, $"conflict {conflict.EntryId} by {conflict.By.SenderId} ({conflict.By.MsgId}): {conflict.Line} — {conflict.Reason}\n");
            foreach (var unread in chain.Unread)
                text.Append(CultureInfo.InvariantCulture, $"unread: {unread.Line.Replace("\n", " / ", StringComparison.Ordinal)} — {unread.Reason}\n");
            var tally = chain.Tally();
            foreach (var building in tally.Buildings)
                text.Append(CultureInfo.InvariantCulture, $"= {building.Area}{building.Building ?? "-"}|{building.Households}|{Items(building.Items)}|{Money(building.Amount)}\n");
            text.Append(CultureInfo.InvariantCulture, $"= total|{tally.Total.Households}|{Items(tally.Total.Items)}|{Money(tally.Total.Amount)}\n");
        }
        foreach (var report in state.Reports)
            text.Append(CultureInfo.InvariantCulture, $"reported {report.MsgId} from {report.SenderId}: {report.Reason}\n");
        text.Append("ignored: ").AppendJoin(' ', state.Ignored.Select(i => $"{i.MsgId}({i.Kind})")).Append('\n');
        return text.ToString();
    }

    private static string Items(IEnumerable<ItemQuantity> items) =>
        string.Join(';', items.Select(i => $"{i.Item}={i.Quantity.ToString(CultureInfo.InvariantCulture)}{i.Unit}"));

    private static string Money(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
