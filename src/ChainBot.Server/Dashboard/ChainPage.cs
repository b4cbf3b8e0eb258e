using System.Collections.Immutable;
using System.Globalization;
using ChainBot.Core.Merging;
using ChainBot.Exports;

namespace ChainBot.Server.Dashboard;

/// <summary>
/// A chain's page: its tally (items, then a row per building), the bar chart per building, the lines to check, the
/// pickup progress per building after 到货, and the export buttons. The numbers are the chain's
/// <see cref="ChainState.Tally"/>; the items and the lines to check are the export's own tables, so the page and the
/// downloaded workbook always agree. No phone number and no full name: lines to check show names shortened.
/// </summary>
internal static class ChainPage
{
    /// <summary>The page of <paramref name="chain"/> in <paramref name="groupId"/> at <paramref name="now"/>.</summary>
    public static string Render(string groupId, ChainState chain, DateTimeOffset now, DashboardLinks links, string nonce)
    {
        var summary = ChainSummary.Of(groupId, chain, now);
        var tables = ExportTableBuilder.Build(chain, phones: false);
        return DashboardPage.Render(summary.Title, nonce, links, html =>
        {
            html.Open("header")
                .Open("p", ("class", "meta")).Element("a", "← 全部接龙", ("href", links.Home)).Close("p")
                .Open("h1").Resident(summary.Title).Close("h1")
                .Open("p", ("class", "meta")).Element("span", summary.Status, ("class", summary.Open ? "badge" : "badge closed"))
                .Text(" " + summary.Facts).Close("p")
                .Close("header");
            html.Open("main");
            // The filter box is the script's: hidden until it runs, so a page without it shows nothing that does nothing.
            html.Open("input", ("id", "filter"), ("type", "search"), ("placeholder", "筛选楼号，例如 12号楼"), ("aria-label", "筛选楼号"), ("hidden", ""));
            Tally(html, summary, tables.SupplierOrder);
            html.Open("section", ("id", "chart"));
            BuildingChart.Write(html, summary.Tally);
            html.Close("section");
            ToCheck(html, tables.ToCheck);
            Pickups(html, chain, summary);
            Exports(html, links, groupId, chain.Number);
            html.Close("main");
        });
    }

    private static void Tally(HtmlWriter html, ChainSummary summary, ExportTable items)
    {
        var tally = summary.Tally;
        html.Open("section", ("id", "tally")).Element("h2", "统计");
        Table(html, items, "items");
        html.Open("div", ("class", "scroll")).Open("table", ("id", "buildings"))
            .Open("thead").Open("tr").Element("th", "楼").Element("th", "户数", ("class", "n")).Element("th", "数量").Element("th", "金额", ("class", "n")).Close("tr").Close("thead")
            .Open("tbody");
        foreach (var building in tally.Buildings)
        {
            string label = ExportTableBuilder.BuildingLabel(building.Area, building.Building);
            html.Open("tr", ("data-building", label))
                .Element("td", label)
                .Element("td", Count(building.Households), ("class", "n"), ("data-households", ""))
                .Element("td", Items(building.Items))
                .Element("td", DashboardPage.Money(building.Amount), ("class", "n"), ("data-amount", ""))
                .Close("tr");
        }
        html.Close("tbody").Open("tfoot").Open("tr", ("class", "total"))
            .Element("td", ExportTableBuilder.TotalLabel)
            .Element("td", Count(tally.Total.Households), ("class", "n"))
            .Element("td", Items(tally.Total.Items))
            .Element("td", DashboardPage.Money(tally.Total.Amount), ("class", "n"))
            .Close("tr").Close("tfoot").Close("table").Close("div").Close("section");
    }

    private static void ToCheck(HtmlWriter html, ExportTable table)
    {
        html.Open("section", ("id", "check")).Element("h2", $"待核对（{Count(table.Rows.Length)}）");
        if (table.Rows.IsEmpty)
            html.Element("p", "没有要核对的。", ("class", "none"));
        else
            Table(html, table, "check-lines");
        html.Close("section");
    }

    private static void Pickups(HtmlWriter html, ChainState chain, ChainSummary summary)
    {
        var progress = BuildingPickup.Of(chain, summary.Tally);
        int collected = progress.Sum(static b => b.Collected);
        html.Open("section", ("id", "pickup")).Element("h2", "领取进度");
        if (chain.Delivered is null && collected == 0)
        {
            html.Element("p", "还没到货：团长在群里发「到货」后，这里按楼显示领取进度。", ("class", "none")).Close("section");
            return;
        }
        if (chain.Delivered is { } delivered)
            html.Element("p", $"{DashboardPage.Time(delivered.Time)} 到货，已领 {Count(collected)} / {Count(summary.Tally.Total.Households)} 户", ("class", "meta"), ("data-total", ""));
        else
            html.Element("p", $"还没登记到货，已领 {Count(collected)} / {Count(summary.Tally.Total.Households)} 户", ("class", "meta warn"), ("data-total", ""));
        html.Open("div", ("class", "scroll")).Open("table", ("id", "pickups")).Open("tbody");
        foreach (var building in progress)
        {
            string label = ExportTableBuilder.BuildingLabel(building.Area, building.Building);
            html.Open("tr", ("data-building", label), ("data-collected", Count(building.Collected)), ("data-households", Count(building.Households)))
                .Element("td", label)
                .Element("td", $"{Count(building.Collected)} / {Count(building.Households)} 户", ("class", "n"))
                .Open("td", ("class", "progress")).Open("progress", ("value", Count(building.Collected)), ("max", Count(Math.Max(building.Households, 1))))
                .Text($"{Count(building.Collected)}/{Count(building.Households)}").Close("progress").Close("td")
                .Close("tr");
        }
        html.Close("tbody").Close("table").Close("div").Close("section");
    }

    private static void Exports(HtmlWriter html, DashboardLinks links, string groupId, int number)
    {
        html.Open("section", ("id", "export")).Element("h2", "导出").Open("div", ("class", "exports"));
        foreach (var kind in DashboardDownload.Kinds)
            html.Element("a", kind.Label, ("class", kind.Phones ? "button private" : "button"), ("href", links.Export(groupId, number, kind.Name)), ("download", ""));
        html.Close("div")
            .Element("p", "含电话的表格只给团长自己用，不要转发到群里。", ("class", "meta"))
            .Close("section");
    }

    /// <summary>An export table as HTML: its header, its rows (every cell resident-written text, so isolated), its total.</summary>
    private static void Table(HtmlWriter html, ExportTable table, string id)
    {
        html.Open("div", ("class", "scroll")).Open("table", ("id", id)).Open("thead").Open("tr");
        foreach (string column in table.Columns)
            html.Element("th", column);
        html.Close("tr").Close("thead").Open("tbody");
        foreach (var row in table.Rows)
            Row(html, row, null);
        html.Close("tbody");
        if (table.Total is { } total)
        {
            html.Open("tfoot");
            Row(html, total, "total");
            html.Close("tfoot");
        }
        html.Close("table").Close("div");
    }

    private static void Row(HtmlWriter html, ImmutableArray<ExportCell> cells, string? @class)
    {
        html.Open("tr", ("class", @class));
        foreach (var cell in cells)
        {
            if (cell.Number is not null)
                html.Element("td", cell.ToString(), ("class", "n"));
            else
                html.ResidentCell(cell.Text);
        }
        html.Close("tr");
    }

    private static string Items(ImmutableArray<Core.Chains.ItemQuantity> items) =>
        string.Join("，", items.Select(static i => $"{i.Item} {ExportCell.Format(i.Quantity)}{i.Unit}"));

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
