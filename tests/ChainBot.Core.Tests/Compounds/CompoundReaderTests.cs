using ChainBot.Core.Compounds;

namespace ChainBot.Core.Tests.Compounds;

/// <summary>
/// The compound file's two forms (samples/compound/README.md): what a good file becomes, and for each kind of
/// mistake the error a volunteer fixing the file reads — with its line (CSV) or field (JSON).
/// </summary>
public class CompoundReaderTests
{
    private const string Header = "area,group,building\n";

    [Test]
    public void The_csv_form_reads_areas_groups_buildings_and_leaders()
    {
        var result = CompoundReader.ReadCsv(CompoundFiles.Csv);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(CompoundFiles.Describe(result.Compound!), Is.EqualTo(new[]
        {
            "compound 天山新村 head Leader { Name = 周团长, SenderId = wxid_head }",
            "area 一区 leader Leader { Name = 陈片长, SenderId = wxid_area_1 }",
            "  group 一营 leader Leader { Name = 李营长, SenderId = wxid_lead_1 }",
            "    building 1 volunteer Leader { Name = 王志愿, SenderId = wxid_vol_1 }",
            "    building 2 volunteer ",
            "    building 3 volunteer Leader { Name = 赵志愿, SenderId =  }",
            "  group 二营 leader Leader { Name = 孙营长, SenderId = wxid_lead_2 }",
            "    building 4 volunteer ",
            "area 三区 leader ",
            "  group 三营 leader ",
            "    building 12 volunteer Leader { Name = 钱志愿, SenderId = wxid_vol_12 }",
            "    building 1 volunteer ",
        }));
    }

    [Test]
    public void The_json_form_of_the_same_compound_reads_alike()
    {
        var json = CompoundReader.Read(CompoundFiles.Json, "compound.json");
        var csv = CompoundReader.Read(CompoundFiles.Csv, "/etc/chainbot/Compound.CSV");

        Assert.That(json.Errors, Is.Empty);
        Assert.That(CompoundFiles.Describe(json.Compound!), Is.EqualTo(CompoundFiles.Describe(csv.Compound!)));
    }

    [Test]
    public void Quoted_cells_a_byte_order_mark_comments_and_blank_lines_are_read_as_spreadsheets_write_them()
    {
        var result = CompoundReader.ReadCsv("\uFEFF# 天山新村\r\n" + "area,group,building,volunteer\r\n\r\n" + "一区,\"一营\",12,\"王\"\"老师\"\", 3楼\"\r\n");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Compound!.Areas[0].Groups[0].Buildings[0], Is.EqualTo(new Building("12", new Leader("王\"老师\", 3楼"))));
        Assert.That(result.Compound.Name, Is.EqualTo("小区"), "a file without a compound name");
    }

    [TestCase("十二号楼", "12")]
    [TestCase("１２栋", "12")]
    [TestCase("a3栋", "A3")]
    [TestCase(" 7 ", "7")]
    public void Buildings_are_written_as_residents_write_them_and_kept_canonical(string written, string canonical)
    {
        var result = CompoundReader.ReadCsv(Header + "一区,一营," + written);

        Assert.That(result.Compound!.Areas[0].Groups[0].Buildings[0].Number, Is.EqualTo(canonical));
    }

    [TestCase(Header + "一区,一营,1\n一区,一营,1号楼", "line 3: building 1 of 一区 is listed twice (line 2 and line 3)")]
    [TestCase(Header + "一区,一营,1\n一区,二营,1", "line 3: building 1 of 一区 is in two groups: 一营 (line 2) and 二营 (line 3)")]
    [TestCase(Header + "一区,一营,1\n二区,一营,2", "line 3: group 一营 is in two areas: 一区 (line 2) and 二区 (line 3)")]
    [TestCase(Header + "一区,一营,1\n,一营,2", "line 3, column area: empty area")]
    [TestCase(Header + "一区,,1", "line 2, column group: empty group")]
    [TestCase(Header + "一区,一营,", "line 2, column building: empty building")]
    [TestCase(Header + "一区,一营,12号301", "line 2: \"12号301\" is not a building number (write it as residents do: 12, 12号楼, A3)")]
    [TestCase(Header + "一区,一营,1,2", "line 2: 4 cells, but the header names 3 columns")]
    [TestCase(Header + "一区,\"一营,1", "line 2: a quoted cell is not closed (a cell may not run over two lines)")]
    [TestCase(Header + "一区,一区,1", "line 2: group 一区 has the name of area 一区 (line 2): 统计 一区 would not say which")]
    [TestCase("area,group,building,volunteer_id\n一区,一营,1,wxid_1", "line 2, column volunteer: volunteer_id is given without a volunteer name")]
    [TestCase("area,group_leader,group,building\n一区,李,一营,1\n一区,王,一营,2", "line 3: group 一营 has two different leaders (line 2 and line 3)")]
    [TestCase("area,group,building,head\n一区,一营,1,周\n一区,一营,2,吴", "line 3: the compound's head (团长) differs from the one on line 2")]
    [TestCase("area,group,楼号\n一区,一营,1", "line 1: unknown column \"楼号\" (the columns are area, area_leader, area_leader_id, group, group_leader, group_leader_id, building, volunteer, volunteer_id, compound, head, head_id)")]
    [TestCase("area,building\n一区,1", "line 1: the header has no column group")]
    [TestCase("area,group,building,area\n一区,一营,1,一区", "line 1: column area is named twice")]
    [TestCase(Header, "the file: no building is listed")]
    [TestCase("", "line 1: no header line (area,group,building,…)")]
    public void A_bad_csv_file_is_refused_with_its_line_and_what_is_wrong(string csv, string error)
    {
        var result = CompoundReader.ReadCsv(csv);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Compound, Is.Null);
        Assert.That(result.Errors.Select(e => e.ToString()), Does.Contain(error));
    }

    [TestCase("{\"areas\": [", "line 1: not valid JSON")]
    [TestCase("[]", "$: not a JSON object")]
    [TestCase("{}", "areas: missing, or not an array")]
    [TestCase("{\"areas\": [{\"groups\": []}]}", "areas[0].name: missing")]
    [TestCase("{\"areas\": [{\"name\": \"一区\", \"groups\": [{\"name\": \" \", \"buildings\": [\"1\"]}]}]}", "areas[0].groups[0].name: empty name")]
    [TestCase("{\"areas\": [{\"name\": \"一区\", \"groups\": [{\"name\": \"一营\", \"buildings\": [\"1\", \"1\"]}]}]}", "areas[0].groups[0].buildings[1]: building 1 of 一区 is listed twice (areas[0].groups[0].buildings[0] and areas[0].groups[0].buildings[1])")]
    [TestCase("{\"areas\": [{\"name\": \"一区\", \"groups\": [{\"name\": \"一营\", \"buildings\": [\"1\"]}, {\"name\": \"二营\", \"buildings\": [\"1号楼\"]}]}]}", "areas[0].groups[1].buildings[0]: building 1 of 一区 is in two groups: 一营 (areas[0].groups[0].buildings[0]) and 二营 (areas[0].groups[1].buildings[0])")]
    [TestCase("{\"areas\": [{\"name\": \"一区\", \"groups\": [{\"name\": \"一营\", \"buildings\": [\"1\"]}]}, {\"name\": \"1区\", \"groups\": []}]}", "areas[1].name: area 1区 is declared twice")]
    [TestCase("{\"areas\": [{\"name\": \"一区\", \"groups\": [{\"name\": \"一营\", \"buildings\": [true]}]}]}", "areas[0].groups[0].buildings[0]: a building is a string (\"12\") or an object with \"building\"")]
    [TestCase("{\"head\": \"周\", \"areas\": []}", "$.head: a leader is an object: {\"name\": \"…\", \"senderId\": \"…\"}")]
    [TestCase("{\"areas\": [{\"name\": \"一区\", \"leader\": {\"senderId\": \"wxid_1\"}, \"groups\": []}]}", "areas[0].leader.name: missing")]
    public void A_bad_json_file_is_refused_with_the_field_and_what_is_wrong(string json, string error)
    {
        var result = CompoundReader.ReadJson(json);

        Assert.That(result.Compound, Is.Null);
        Assert.That(result.Errors.Select(e => e.ToString()), Has.Some.StartsWith(error));
    }

    [Test]
    public void A_file_that_is_neither_json_nor_csv_is_refused_by_name()
    {
        var result = CompoundReader.Read("area,group,building\n一区,一营,1", "compound.xlsx");

        Assert.That(result.Errors.Single().ToString(), Is.EqualTo("the file's name: compound.xlsx does not end in .json or .csv, the two forms of a compound file"));
    }
}
