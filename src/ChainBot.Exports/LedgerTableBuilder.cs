using System.Collections.Immutable;
using System.Globalization;
using ChainBot.Core.Ledgers;
using ChainBot.Core.Replies;
using ChainBot.Core.Text;

namespace ChainBot.Exports;

/// <summary>
/// Builds the tables of the standing ledgers (台账): a sheet per ledger with each household's current registration
/// (楼号, 房号, 姓名, 登记内容, 登记时间, 登记人, 次数), then one 历史 sheet with every registration of every ledger,
/// newest first per household. Pure: the same ledgers give the same tables.
/// </summary>
/// <remarks>
/// Names are shortened (<see cref="NameMask"/>) and phone numbers masked unless <c>phones</c> (the coordinator's own
/// export), which writes names whole and adds a 电话 column.
/// </remarks>
public static class LedgerTableBuilder
{
    /// <summary>The name of the sheet with every registration.</summary>
    public const string HistoryName = "历史";

    /// <summary>The tables for <paramref name="ledgers"/>: one per ledger in their order, then the history.</summary>
    public static IReadOnlyList<ExportTable> Build(IReadOnlyList<Ledger> ledgers, bool phones)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        var tables = new List<ExportTable>(ledgers.Count + 1);
        foreach (var ledger in ledgers)
            tables.Add(Current(ledger, phones));
        tables.Add(History(ledgers, phones));
        return tables;
    }

    private static ExportTable Current(Ledger ledger, bool phones)
    {
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<ExportCell>>();
        foreach (var household in ledger.Current)
        {
            var current = household.Current!;
            var row = new List<ExportCell>(8)
            {
                ExportCell.Of(Building(current)), ExportCell.Of(Room(current)), ExportCell.Of(Name(current, phones)),
                ExportCell.Of(Text(current.Content, phones)), ExportCell.Of(Time(current)), ExportCell.Of(By(current)),
                ExportCell.Of((decimal)household.Count),
            };
            if (phones)
                row.Add(ExportCell.Of(household.Registrations.Select(static r => r.Phone).FirstOrDefault(static p => p is not null)));
            rows.Add([.. row]);
        }
        ImmutableArray<string> columns = ["楼号", "房号", "姓名", "登记内容", "登记时间", "登记人", "次数"];
        return new ExportTable(
            ledger.Name,
            $"{ledger.Name}台账 · 现登记{ledger.CurrentCount}户，来自{ledger.Chains}次接龙",
            phones ? columns.Add("电话") : columns,
            rows.ToImmutable(),
            null);
    }

    private static ExportTable History(IReadOnlyList<Ledger> ledgers, bool phones)
    {
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<ExportCell>>();
        foreach (var ledger in ledgers)
        {
            foreach (var household in ledger.Households)
            {
                foreach (var registration in household.Registrations)
                {
                    string status = !registration.IsActive ? "已取消" : ReferenceEquals(registration, household.Current) ? "当前" : "以往";
                    rows.Add([
                        ExportCell.Of(ledger.Name), ExportCell.Of(Building(registration)), ExportCell.Of(Room(registration)),
                        ExportCell.Of(Name(registration, phones)), ExportCell.Of(Text(registration.Content, phones)), ExportCell.Of(status),
                        ExportCell.Of(Time(registration)), ExportCell.Of(Text(registration.ChainTitle ?? "接龙 " + registration.ChainNumber.ToString(CultureInfo.InvariantCulture), phones)),
                        ExportCell.Of(By(registration)),
                    ]);
                }
            }
        }
        return new ExportTable(
            HistoryName,
            "台账 · 历次登记（每户从新到旧）",
            ["台账", "楼号", "房号", "姓名", "登记内容", "状态", "登记时间", "接龙", "登记人"],
            rows.ToImmutable(),
            null);
    }

    /// <summary>15, 一区15; empty for a roster of names.</summary>
    private static string Building(LedgerRegistration registration) =>
        registration.Address.Area + registration.Address.Building;

    /// <summary>201, 2单元201, 3楼; empty when none is written.</summary>
    private static string Room(LedgerRegistration registration)
    {
        var address = registration.Address;
        string entrance = address.Entrance is null ? string.Empty : address.Entrance + "单元";
        return entrance + (address.Room ?? (address.Floor is null ? string.Empty : address.Floor + "楼"));
    }

    private static string? Name(LedgerRegistration registration, bool phones) =>
        phones ? registration.Name : NameMask.Shorten(registration.Name);

    private static string Text(string text, bool phones) => phones ? text : PhoneNumbers.MaskAll(text);

    private static string Time(LedgerRegistration registration) =>
        registration.Time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Who added the line, by display name; a volunteer's 代登记 says so.</summary>
    private static string By(LedgerRegistration registration) =>
        PhoneNumbers.MaskAll(registration.AddedByName ?? registration.AddedBy) + (registration.OnBehalf ? "（代登记）" : string.Empty);
}
