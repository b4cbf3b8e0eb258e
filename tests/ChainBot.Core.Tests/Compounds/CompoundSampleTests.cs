using ChainBot.Core.Compounds;
using ChainBot.Core.Tests.Specs;

namespace ChainBot.Core.Tests.Compounds;

/// <summary>
/// <c>samples/compound/</c>: the 110-building compound in four areas and six groups, as <c>compound.json</c> and
/// <c>compound.csv</c> — both read, alike, and complete.
/// </summary>
public class CompoundSampleTests
{
    private static CompoundReadResult Read(string name)
    {
        string path = Path.Combine(RepositoryPaths.Root, "samples", "compound", name);
        return CompoundReader.Read(File.ReadAllText(path), path);
    }

    [Test]
    public void Both_forms_read_without_error_and_describe_the_same_compound()
    {
        var json = Read("compound.json");
        var csv = Read("compound.csv");

        Assert.That(json.Errors, Is.Empty);
        Assert.That(csv.Errors, Is.Empty);
        Assert.That(CompoundFiles.Describe(csv.Compound!), Is.EqualTo(CompoundFiles.Describe(json.Compound!)));
    }

    [Test]
    public void The_sample_holds_buildings_1_to_110_in_four_areas_and_six_groups_each_with_its_leaders()
    {
        var compound = Read("compound.json").Compound!;

        Assert.That(compound.BuildingCount, Is.EqualTo(110));
        Assert.That(compound.Areas.Select(a => a.Name), Is.EqualTo(new[] { "一区", "二区", "三区", "四区" }));
        Assert.That(compound.Groups.Select(g => g.Name), Is.EqualTo(new[] { "一营", "二营", "三营", "四营", "五营", "六营" }));
        Assert.That(compound.Areas.SelectMany(a => a.Buildings).Select(b => b.Number), Is.EqualTo(Enumerable.Range(1, 110).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(compound.Groups.Select(g => g.Buildings.Length), Has.All.InRange(15, 22), "about 20 buildings a group");
        Assert.That(compound.Head?.SenderId, Is.Not.Null);
        Assert.That(compound.Areas.Select(a => a.Leader?.SenderId), Has.None.Null);
        Assert.That(compound.Groups.Select(g => g.Leader?.SenderId), Has.None.Null);
        Assert.That(compound.Areas.SelectMany(a => a.Buildings).Select(b => b.Volunteer?.SenderId), Has.None.Null.And.Unique);
        Assert.That(compound.Locate(null, "57")?.Group.Name, Is.EqualTo("四营"), "numbers are unique: a bare number places a line");
    }
}
