using System.Collections.Immutable;
using System.Globalization;
using ChainBot.Core.Chains;
using ChainBot.Core.Tally;
using ChainBot.Core.Tests.Specs;

namespace ChainBot.Core.Tests.Tally;

/// <summary>The catalogues, entries built by hand and the row form the tally's tests share.</summary>
internal static class TallyFixture
{
    public static readonly CatalogueItem Bundle = new("蔬菜套餐", "份", 68m);

    public static readonly ImmutableArray<CatalogueItem> OneItem = [Bundle];

    public static readonly ImmutableArray<CatalogueItem> ThreeItems =
    [
        new("鸡蛋", "盒", 25m, Code: "A"),
        new("牛奶", "箱", 68m, Code: "B"),
        new("酸奶", "提", 20m, Code: "C"),
    ];

    public static ChainTally TallyOf(ImmutableArray<CatalogueItem> catalogue, params ChainEntry[] entries)
    {
        var builder = new TallyBuilder(catalogue);
        foreach (var entry in entries)
            builder.Add(entry);
        return builder.Build();
    }

    public static ChainEntry Entry(Address address, string? name, params ItemQuantity[] items) => new()
    {
        Address = address,
        Name = name,
        Items = [.. items],
        Line = $"{address} {name}",
    };

    public static Address Room(string building, string room) => new(null, building, null, room);

    public static Address Floor(string building, string floor) => new(null, building, null, null, floor);

    public static ItemQuantity Bundles(decimal quantity) => new(Bundle.Name, quantity, Bundle.Unit);

    public static decimal Dec(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    public static string? Copy(string? s) => s is null ? null : new string(s);

    /// <summary>
    /// <c>area/building|households|items|amount</c> per row, then <c>total|…</c>: ImmutableArray fields compare by
    /// reference in a record's Equals, so tallies are compared in this form.
    /// </summary>
    public static string[] Rows(ChainTally tally) =>
    [
        .. tally.Buildings.Select(b =>
            $"{b.Area ?? "-"}/{b.Building ?? "-"}|{b.Households}|{PostFormatter.FormatItems(b.Items)}|{PostFormatter.FormatNumber(b.Amount)}"),
        $"total|{tally.Total.Households}|{PostFormatter.FormatItems(tally.Total.Items)}|{PostFormatter.FormatNumber(tally.Total.Amount)}",
    ];
}
