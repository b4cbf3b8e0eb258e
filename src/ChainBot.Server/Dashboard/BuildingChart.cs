using System.Globalization;
using ChainBot.Core.Tally;
using ChainBot.Exports;

namespace ChainBot.Server.Dashboard;

/// <summary>
/// The bar chart per building (按楼): one bar per building of the tally, its length proportional to the building's
/// money due (or to its households, for a chain without prices), drawn as inline SVG — nothing loaded from elsewhere,
/// no style attribute the page's policy would have to allow.
/// </summary>
internal static class BuildingChart
{
    private const int Width = 360;
    private const int LabelWidth = 92;
    private const int ValueWidth = 64;
    private const int BarWidth = Width - LabelWidth - ValueWidth;
    private const int RowHeight = 26;
    private const int BarHeight = 18;

    /// <summary>Writes the chart of <paramref name="tally"/>; nothing when it has no building.</summary>
    public static void Write(HtmlWriter html, ChainTally tally)
    {
        if (tally.Buildings.IsEmpty)
            return;
        bool money = tally.Total.Amount > 0;
        var values = tally.Buildings.Select(b => money ? b.Amount : b.Households).ToList();
        decimal max = Math.Max(values.Max(), 1m);
        string height = Number(tally.Buildings.Length * RowHeight);
        html.Element("h2", money ? "各楼金额" : "各楼户数")
            .Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", $"0 0 {Width} {height}"), ("role", "img"),
                ("aria-label", money ? "各楼金额" : "各楼户数"), ("data-measure", money ? "amount" : "households"));
        for (int i = 0; i < values.Count; i++)
        {
            var building = tally.Buildings[i];
            string label = ExportTableBuilder.BuildingLabel(building.Area, building.Building);
            int y = i * RowHeight;
            string text = money ? DashboardPage.Money(values[i]) : Number(values[i]) + "户";
            html.Open("g", ("class", "row"), ("data-building", label))
                .Element("text", label, ("x", "0"), ("y", Number(y + 14)))
                .Open("rect", ("class", "bar"), ("x", Number(LabelWidth)), ("y", Number(y + 2)), ("height", Number(BarHeight)),
                    ("width", Number(BarWidth * values[i] / max)), ("data-value", Number(values[i]))).Close("rect")
                .Element("text", text, ("x", Number(LabelWidth + BarWidth * values[i] / max + 4)), ("y", Number(y + 14)))
                .Close("g");
        }
        html.Close("svg");
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
