using System.Collections.Immutable;
using System.Globalization;
using ChainBot.Core.Ledgers;
using ChainBot.Core.Text;

namespace ChainBot.Cli.Output;

/// <summary>
/// The <c>ledger</c> report for a person: per ledger (台账) a title, where it comes from, the households whose
/// registration stands (what, when, who added it, how many times), and with <c>--history</c> every registration.
/// </summary>
/// <remarks>Phone numbers never appear: <see cref="LedgerRegistration.Phone"/> is not read, and free text is masked again.</remarks>
internal sealed class HumanLedgerWriter(IReportRenderer renderer)
{
    /// <summary>Writes <paramref name="ledgers"/>, each with its history when <paramref name="history"/>.</summary>
    public void Write(IReadOnlyList<Ledger> ledgers, string path, bool history)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        for (int i = 0; i < ledgers.Count; i++)
        {
            var ledger = ledgers[i];
            if (i > 0)
                renderer.Line(string.Empty);
            renderer.Title(ledger.Name + " ledger (台账)");
            renderer.Line($"Source: {path}; {Count(ledger.Chains, "chain")}, {Count(ledger.Households.Length, "household")}, {Count(ledger.CurrentCount, "current")}");

            var current = new ReportTable($"Current ({ledger.CurrentCount})", ["Household", "Name", "Registered", "When", "Added by", "Times"], new HashSet<int> { 5 });
            foreach (var household in ledger.Current)
            {
                var r = household.Current!;
                current.Add(Masked(Household(r)), Masked(r.Name), Masked(r.Content), TimeText(r.Time), AddedBy(r), household.Count.ToString(CultureInfo.InvariantCulture));
            }
            if (current.Rows.Count > 0)
                renderer.Table(current);
            int cancelled = ledger.Households.Length - ledger.CurrentCount;
            if (cancelled > 0)
                renderer.Line($"{Count(cancelled, "household")} cancelled, with no current registration{(history ? "" : " (see --history)")}.");
            if (history)
                WriteHistory(ledger);
        }
        renderer.Flush();
    }

    private void WriteHistory(Ledger ledger)
    {
        var table = new ReportTable($"History ({ledger.Households.Sum(static h => h.Registrations.Length)})",
            ["Household", "Name", "Registered", "Status", "When", "Chain", "Added by"], ImmutableHashSet<int>.Empty);
        foreach (var household in ledger.Households)
        {
            foreach (var r in household.Registrations)
            {
                string status = !r.IsActive ? "cancelled" : ReferenceEquals(r, household.Current) ? "current" : "earlier";
                string chain = (r.GroupId is null ? "" : r.GroupId + " ") + "#" + r.ChainNumber.ToString(CultureInfo.InvariantCulture) + " " + r.MsgId;
                table.Add(Masked(Household(r)), Masked(r.Name), Masked(r.Content), status, TimeText(r.Time), Masked(chain), AddedBy(r));
            }
        }
        renderer.Table(table);
    }

    private static string Household(LedgerRegistration r) =>
        r.Address.IsEmpty ? "(no address)" : HumanChainWriter.AddressText(r.Address);

    private static string AddedBy(LedgerRegistration r) =>
        Masked(r.AddedByName ?? r.AddedBy) + (r.OnBehalf ? " (on behalf)" : string.Empty);

    private static string Count(int n, string what) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + what + (n == 1 || what == "current" ? "" : "s");

    private static string TimeText(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Masked(string? text) => text is null ? string.Empty : PhoneNumbers.MaskAll(text);
}
