using System.Globalization;
using System.Text.Json;
using ChainBot.Cli.Tests.Export;
using ChainBot.Cli.Tests.Support;
using ChainBot.Exports;

namespace ChainBot.Cli.Tests.SampleDay;

/// <summary>
/// <c>samples/compound/day.jsonl</c>: a whole group-buy day in the 110-building compound, held to what its generator
/// (<c>make_day.py</c>) meant each household to order and collect (<c>day.expected.json</c>) — the tally per
/// building, the zones, the pickups ticked in the building lists, the supplier's order and the 配药 ledger.
/// </summary>
public class CompoundDayTests : TempDirFixture
{
    private static string Day => Path.Combine(ExportTests.RepositoryRoot(), "samples", "compound", "day.jsonl");

    private static string Compound => ExportTests.SampleCompound("json");

    private static JsonElement Expected()
    {
        string path = Path.Combine(ExportTests.RepositoryRoot(), "samples", "compound", "day.expected.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    [Test]
    public void The_tally_is_what_each_household_meant_and_the_zones_add_up_to_it()
    {
        var expected = Expected();

        var run = CliRun.InProcess(["tally", Day, "--json", "--compound", Compound]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var chain = OutputJson.Parse(run.Stdout).GetProperty("chains")[0];
        var tally = chain.GetProperty("tally");
        var total = tally.GetProperty("total");
        Assert.That(total.GetProperty("households").GetInt32(), Is.EqualTo(expected.GetProperty("households").GetInt32()));
        Assert.That(total.GetProperty("amount").GetDecimal(), Is.EqualTo(expected.GetProperty("amount").GetDecimal()));
        Assert.That(
            total.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("item").GetString()!, i => i.GetProperty("quantity").GetDecimal()),
            Is.EquivalentTo(expected.GetProperty("items").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal())));
        var buildings = tally.GetProperty("buildings").EnumerateArray()
            .ToDictionary(b => b.GetProperty("building").GetString()!, b => (b.GetProperty("households").GetInt32(), b.GetProperty("amount").GetDecimal()));
        Assert.That(buildings, Is.EquivalentTo(expected.GetProperty("buildings").EnumerateObject()
            .ToDictionary(p => p.Name, p => (p.Value.GetProperty("households").GetInt32(), p.Value.GetProperty("amount").GetDecimal()))));

        var areas = tally.GetProperty("zones").EnumerateArray().Where(z => z.GetProperty("level").GetString() == "area").ToList();
        Assert.That(areas, Has.Count.EqualTo(4));
        Assert.That(areas.Sum(z => z.GetProperty("amount").GetDecimal()), Is.EqualTo(total.GetProperty("amount").GetDecimal()), "no building of the day is outside the compound file");
        Assert.That(chain.GetProperty("unread").GetArrayLength(), Is.GreaterThan(0), "the day has lines nobody can read, for 待核对");
    }

    [Test]
    public void The_building_lists_tick_every_household_that_collected_and_the_supplier_order_is_the_total()
    {
        var expected = Expected();
        string folder = Path.Combine(Dir.Root, "export");

        var run = CliRun.InProcess(["export", Day, "--format", "xlsx", "--out", folder, "--compound", Compound]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        string order = Directory.GetFiles(folder, "接龙1 *.xlsx").Single();
        var sheets = ExportReadBack.Workbook(order);
        var buildingLists = sheets.Where(s => s.Name.StartsWith(ExportTableBuilder.BuildingListName, StringComparison.Ordinal)).ToList();
        Assert.That(buildingLists, Has.Count.EqualTo(expected.GetProperty("buildings").EnumerateObject().Count()));
        int ticked = buildingLists.Sum(sheet => sheet.Rows.Count(row => row[sheet.Column("签收")].StartsWith("已领", StringComparison.Ordinal)));
        Assert.That(ticked, Is.EqualTo(expected.GetProperty("collected").GetInt32()));

        var supplier = sheets.Single(s => s.Name == ExportTableBuilder.SupplierOrderName);
        Assert.That(decimal.Parse(supplier.Total![supplier.Column("金额（元）")], CultureInfo.InvariantCulture), Is.EqualTo(expected.GetProperty("amount").GetDecimal()));
        var zones = sheets.Single(s => s.Name == ExportTableBuilder.ZonesName);
        Assert.That(zones.Rows.SelectMany(r => r), Does.Contain("一营").And.Contain("六营"));
        Assert.That(decimal.Parse(zones.Total![zones.Column("金额（元）")], CultureInfo.InvariantCulture), Is.EqualTo(expected.GetProperty("amount").GetDecimal()));
    }

    [Test]
    public void The_roster_run_beside_the_order_feeds_the_配药_ledger()
    {
        var expected = Expected();

        var run = CliRun.InProcess(["ledger", Day, "--name", "配药", "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var ledger = OutputJson.Parse(run.Stdout).GetProperty("ledgers")[0];
        Assert.That(ledger.GetProperty("name").GetString(), Is.EqualTo("配药"));
        Assert.That(ledger.GetProperty("households").GetArrayLength(), Is.EqualTo(expected.GetProperty("roster").GetInt32()));
    }
}
