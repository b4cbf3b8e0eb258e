using System.Globalization;
using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Compounds;
using ChainBot.Core.Merging;
using ChainBot.Core.Replies;
using ChainBot.Core.Tally;
using ChainBot.Core.Text;

namespace ChainBot.Exports;

/// <summary>
/// Builds a chain's <see cref="ExportTables"/> from its merged state. Pure: the same chain gives the same tables, and
/// nothing is read or written. The numbers are the chain's <see cref="ChainState.Tally"/>: the supplier's order is its
/// total, each building's list sums to its building row, and the payments are its amounts.
/// </summary>
/// <remarks>
/// Phone numbers appear only with <c>phones</c> (the coordinator's own export): then in a 电话 column of the building
/// lists. Without it there is no such column, and every text cell has its phone numbers masked (138****5678).
/// Names in the building lists are always shortened with <see cref="NameMask"/>.
/// </remarks>
public static class ExportTableBuilder
{
    /// <summary>The sheet names of the tables that are not per building.</summary>
    public const string SupplierOrderName = "供应商订单";

    /// <summary>The prefix of each building's sheet name.</summary>
    public const string BuildingListName = "分楼清单";

    /// <summary>The money due per building.</summary>
    public const string PaymentsName = "收款";

    /// <summary>The lines for the coordinator to check.</summary>
    public const string ToCheckName = "待核对";

    /// <summary>The label of the total lines.</summary>
    public const string TotalLabel = "合计";

    /// <summary>The zones' totals (areas and groups of buildings), where a compound file is given.</summary>
    public const string ZonesName = "分区汇总";

    /// <summary>The tables of <paramref name="chain"/>.</summary>
    /// <param name="chain">The merged chain.</param>
    /// <param name="phones">True for the coordinator's export with phone numbers; otherwise none appears.</param>
    /// <param name="compound">
    /// The compound's areas and groups (compound.json): adds <see cref="ZonesName"/> and lists the buildings zone by
    /// zone, in the file's order, those it does not list last. Null: buildings in natural order, no zone sheet.
    /// </param>
    public static ExportTables Build(ChainState chain, bool phones, Compound? compound = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var tally = chain.Tally();
        var prices = Prices(chain.Header.Catalogue);
        string title = chain.Header.Title is { Length: > 0 } t ? t : "接龙 " + chain.ChainId;
        var text = phones ? (Func<string?, string?>)(static s => s) : static s => s is null ? null : PhoneNumbers.MaskAll(s);
        title = text(title)!;
        var zoned = compound is null ? null : CompoundTally.Compute(compound, tally);
        return new ExportTables(
            title,
            SupplierOrder(chain, tally, title),
            Buildings(chain, zoned is null ? tally : tally with { Buildings = ZoneSheet.InZoneOrder(zoned) }, prices, title, phones, text),
            Payments(tally, title),
            ToCheck(chain, title, text),
            zoned is null ? null : ZoneSheet.Build(zoned, title));
    }

    /// <summary>A building as the tables name it: 12号楼, 一区15号楼; 未填楼号 for entries that name none.</summary>
    public static string BuildingLabel(string? area, string? building) =>
        building is null ? (area is null ? "未填楼号" : area + " 未填楼号") : area + building + "号楼";

    private static ExportTable SupplierOrder(ChainState chain, ChainTally tally, string title)
    {
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<ExportCell>>();
        foreach (var item in tally.Total.Items)
        {
            var listed = Find(chain.Header.Catalogue, item);
            decimal? amount = listed?.Price * item.Quantity;
            rows.Add([
                ExportCell.Of(item.Item), ExportCell.Of(listed?.Spec), ExportCell.Of(item.Unit),
                ExportCell.Of(item.Quantity), ExportCell.Of(listed?.Price), ExportCell.Of(amount),
            ]);
        }
        return new ExportTable(
            SupplierOrderName,
            title + " · " + SupplierOrderName,
            ["商品", "规格", "单位", "数量", "单价（元）", "金额（元）"],
            rows.ToImmutable(),
            [ExportCell.Of(TotalLabel), ExportCell.Of($"{tally.Total.Households}户"), ExportCell.Empty, ExportCell.Empty, ExportCell.Empty,
                ExportCell.Of(tally.Total.Amount)]);
    }

    private static ImmutableArray<ExportTable> Buildings(
        ChainState chain, ChainTally tally, Dictionary<(string, string), decimal> prices, string title, bool phones, Func<string?, string?> text)
    {
        var items = tally.Total.Items.Select(static i => (i.Item, i.Unit)).ToList();
        var byBuilding = chain.Entries
            .Where(static e => e.Counts)
            .GroupBy(static e => (e.Entry.Address.Area, e.Entry.Address.Building))
            .ToDictionary(static g => g.Key, static g => g.ToList());
        var columns = ImmutableArray.CreateBuilder<string>();
        columns.Add("房号");
        columns.Add("姓名");
        if (phones)
            columns.Add("电话");
        foreach (var (item, unit) in items)
            columns.Add($"{item}（{unit}）");
        columns.Add("金额（元）");
        columns.Add("备注");
        columns.Add("签收");

        var tables = ImmutableArray.CreateBuilder<ExportTable>();
        foreach (var building in tally.Buildings)
        {
            var entries = byBuilding.GetValueOrDefault((building.Area, building.Building)) ?? [];
            var rows = ImmutableArray.CreateBuilder<ImmutableArray<ExportCell>>();
            foreach (var household in entries.GroupBy(static e => e.Entry.Household).OrderBy(static h => h.Key, HouseholdOrder.Instance))
            {
                var quantities = new decimal[items.Count];
                var counted = new bool[items.Count];
                decimal amount = 0m;
                foreach (var entry in household)
                {
                    foreach (var item in entry.Entry.Items)
                    {
                        int i = items.IndexOf((item.Item, item.Unit));
                        if (i < 0)
                            continue;
                        quantities[i] += item.Quantity;
                        counted[i] = true;
                        if (prices.TryGetValue((item.Item, item.Unit), out decimal price))
                            amount += price * item.Quantity;
                    }
                }
                var row = ImmutableArray.CreateBuilder<ExportCell>();
                row.Add(ExportCell.Of(Room(household.Key)));
                row.Add(ExportCell.Of(NameMask.Shorten(household.Select(static e => e.Entry.Name).FirstOrDefault(static n => n is not null))));
                if (phones)
                    row.Add(ExportCell.Of(household.Select(static e => e.Entry.Phone).FirstOrDefault(static p => p is not null)));
                for (int i = 0; i < items.Count; i++)
                    row.Add(counted[i] ? ExportCell.Of(quantities[i]) : ExportCell.Empty);
                row.Add(ExportCell.Of(amount));
                string notes = string.Join("；", household.Select(static e => e.Entry.Note).OfType<string>());
                row.Add(ExportCell.Of(notes.Length == 0 ? null : text(notes)));
                // 签收: ticked where the household's pickup was registered in the group (已领), left to sign otherwise.
                row.Add(chain.PickedUp.TryGetValue(household.Key, out var pickup)
                    ? ExportCell.Of("已领 " + pickup.Time.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture))
                    : ExportCell.Empty);
                rows.Add(row.ToImmutable());
            }

            var total = ImmutableArray.CreateBuilder<ExportCell>();
            total.Add(ExportCell.Of(TotalLabel));
            total.Add(ExportCell.Of($"{building.Households}户"));
            if (phones)
                total.Add(ExportCell.Empty);
            foreach (var (item, unit) in items)
            {
                var sum = building.Items.FirstOrDefault(q => q.Item == item && q.Unit == unit);
                total.Add(sum.Item is null ? ExportCell.Empty : ExportCell.Of(sum.Quantity));
            }
            total.Add(ExportCell.Of(building.Amount));
            total.Add(ExportCell.Empty);
            int collected = entries.Select(static e => e.Entry.Household).Distinct().Count(chain.PickedUp.ContainsKey);
            total.Add(collected == 0 ? ExportCell.Empty : ExportCell.Of($"已领{collected}户"));

            string label = BuildingLabel(building.Area, building.Building);
            tables.Add(new ExportTable(
                $"{BuildingListName} {label}", $"{title} · {BuildingListName} · {label}", columns.ToImmutable(), rows.ToImmutable(), total.ToImmutable()));
        }
        return tables.ToImmutable();
    }

    private static ExportTable Payments(ChainTally tally, string title)
    {
        var rows = tally.Buildings
            .Select(static b => ImmutableArray.Create(
                ExportCell.Of(BuildingLabel(b.Area, b.Building)), ExportCell.Of((decimal)b.Households), ExportCell.Of(b.Amount), ExportCell.Empty))
            .ToImmutableArray();
        return new ExportTable(
            PaymentsName,
            title + " · " + PaymentsName,
            ["楼", "户数", "应收（元）", "已收"],
            rows,
            [ExportCell.Of(TotalLabel), ExportCell.Of((decimal)tally.Total.Households), ExportCell.Of(tally.Total.Amount), ExportCell.Empty]);
    }

    private static ExportTable ToCheck(ChainState chain, string title, Func<string?, string?> text)
    {
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<ExportCell>>();
        void Add(string kind, MergedEntry? entry, Provenance? by, string? line, string reason) => rows.Add([
            ExportCell.Of(kind),
            entry is null ? ExportCell.Empty : ExportCell.Of((decimal)entry.Id),
            ExportCell.Of(entry is null ? null : Place(entry.Entry)),
            ExportCell.Of(NameMask.Shorten(entry?.Entry.Name)),
            ExportCell.Of(text(by?.SenderName ?? by?.SenderId)),
            ExportCell.Of(text(line)),
            ExportCell.Of(reason),
        ]);

        foreach (var unread in chain.Unread)
            Add("未读懂", null, null, unread.Line, UnreadReason(unread.Reason));
        foreach (var conflict in chain.Conflicts)
            Add("冲突", chain.Entry(conflict.EntryId), conflict.By, conflict.Line, ConflictReason(conflict.Reason));
        foreach (var entry in chain.Entries)
        {
            var marks = chain.MarksOf(entry);
            if ((marks & EntryMarks.SecondLine) != 0)
                Add("同户第二条", entry, entry.Added, entry.Entry.Line, "同一户还有另一条，两条都计入");
            if ((marks & EntryMarks.Late) != 0 && entry.Entry.Status == EntryStatus.Active)
                Add("截止后报名", entry, entry.Added, entry.Entry.Line, "截止后才报，团长接受前不计入");
            if (entry.LateChange is { } change)
                Add("截止后修改", entry, entry.LateChangeBy, change.Line, "截止后修改，团长接受前按原来的计");
            if ((marks & EntryMarks.MissingFromLatest) != 0)
                Add("新版漏掉", entry, entry.Added, entry.Entry.Line, "最新的整条接龙漏了这一条，仍保留");
        }
        return new ExportTable(
            ToCheckName,
            title + " · " + ToCheckName,
            ["类型", "条目", "房号", "姓名", "发送人", "内容", "原因"],
            rows.ToImmutable(),
            null);
    }

    /// <summary>An entry's place: building and room (12-301), or what it has of them.</summary>
    private static string? Place(ChainEntry entry)
    {
        string? room = Room(entry.Household);
        return entry.Address.Building is { } building ? (room is null ? building + "号楼" : building + "-" + room) : room;
    }

    /// <summary>The household's room within its building: 301, 3-502 with an entrance, 3楼 with a floor only.</summary>
    private static string? Room(HouseholdId household) =>
        household.Room is { } room
            ? (household.Entrance is { } entrance ? entrance + "-" + room : room)
            : household.Floor is { } floor ? floor + "楼" : null;

    private static Dictionary<(string, string), decimal> Prices(ImmutableArray<CatalogueItem> catalogue)
    {
        var prices = new Dictionary<(string, string), decimal>();
        foreach (var item in catalogue.IsDefault ? [] : catalogue)
        {
            if (item.Price is decimal price)
                prices.TryAdd((item.Name, item.Unit), price);
        }
        return prices;
    }

    private static CatalogueItem? Find(ImmutableArray<CatalogueItem> catalogue, ItemQuantity item) =>
        catalogue.IsDefault ? null : catalogue.FirstOrDefault(c => c.Name == item.Item && c.Unit == item.Unit);

    private static string UnreadReason(string reason) => reason switch
    {
        UnreadReasons.NoQuantity => "没写数量",
        UnreadReasons.NoHousehold => "没写楼号",
        UnreadReasons.ItemNotNamed => "没写买什么",
        UnreadReasons.ItemNotInCatalogue => "商品不在这次团购里",
        UnreadReasons.UnitMismatch => "单位与商品不符",
        UnreadReasons.NotAnEntry => "不是编号的接龙行",
        UnreadReasons.TooLong => "这一行太长",
        _ => reason,
    };

    private static string ConflictReason(string reason) => reason switch
    {
        ConflictReasons.NotTheOwner => "别人改了这一条，按本人的算",
        ConflictReasons.CancelledByOther => "别人取消了这一条，按本人的算",
        _ => reason,
    };

    /// <summary>Households by room in natural order: entrance, room, then floor and name for those without a room.</summary>
    private sealed class HouseholdOrder : IComparer<HouseholdId>
    {
        public static readonly HouseholdOrder Instance = new();

        public int Compare(HouseholdId x, HouseholdId y)
        {
            var natural = NaturalComparer.Instance;
            int c = (x.Room is null).CompareTo(y.Room is null);
            if (c == 0) c = natural.Compare(x.Entrance, y.Entrance);
            if (c == 0) c = natural.Compare(x.Room, y.Room);
            if (c == 0) c = natural.Compare(x.Floor, y.Floor);
            if (c == 0) c = string.CompareOrdinal(x.Name, y.Name);
            return c;
        }
    }
}
