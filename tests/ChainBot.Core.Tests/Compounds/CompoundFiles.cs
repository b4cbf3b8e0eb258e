using ChainBot.Core.Compounds;

namespace ChainBot.Core.Tests.Compounds;

/// <summary>Small compound files the tests start from, and a flat description to compare compounds by.</summary>
internal static class CompoundFiles
{
    /// <summary>Two areas: 一区 (一营: 1–3; 二营: 4) and 三区 (三营: 12, and a second building 1).</summary>
    public const string Csv = """
        area,area_leader,area_leader_id,group,group_leader,group_leader_id,building,volunteer,volunteer_id,compound,head,head_id
        一区,陈片长,wxid_area_1,一营,李营长,wxid_lead_1,1,王志愿,wxid_vol_1,天山新村,周团长,wxid_head
        一区,,,一营,,,2号楼,,,,,
        一区,,,一营,,,3,赵志愿,,,,
        一区,,,二营,孙营长,wxid_lead_2,4,,,,,
        三区,,,三营,,,12,钱志愿,wxid_vol_12,,,
        三区,,,三营,,,1,,,,,
        """;

    /// <summary>The compound of <see cref="Csv"/> in the JSON form.</summary>
    public const string Json = """
        {
          "compound": "天山新村",
          "head": {"name": "周团长", "senderId": "wxid_head"},
          "areas": [
            {"name": "一区", "leader": {"name": "陈片长", "senderId": "wxid_area_1"}, "groups": [
              {"name": "一营", "leader": {"name": "李营长", "senderId": "wxid_lead_1"}, "buildings": [
                {"building": "1", "volunteer": {"name": "王志愿", "senderId": "wxid_vol_1"}},
                "2",
                {"building": 3, "volunteer": {"name": "赵志愿"}}
              ]},
              {"name": "二营", "leader": {"name": "孙营长", "senderId": "wxid_lead_2"}, "buildings": ["4"]}
            ]},
            {"name": "三区", "groups": [
              {"name": "三营", "buildings": [{"building": "12", "volunteer": {"name": "钱志愿", "senderId": "wxid_vol_12"}}, "1"]}
            ]}
          ]
        }
        """;

    /// <summary>The compound of <see cref="Csv"/>, read.</summary>
    public static Compound Small() => CompoundReader.ReadCsv(Csv).Compound ?? throw new InvalidOperationException("the test file does not read");

    /// <summary>Every fact of a compound, a line each, in the file's order: two compounds are alike when these are.</summary>
    public static List<string> Describe(Compound compound)
    {
        var lines = new List<string> { $"compound {compound.Name} head {compound.Head}" };
        foreach (var area in compound.Areas)
        {
            lines.Add($"area {area.Name} leader {area.Leader}");
            foreach (var group in area.Groups)
            {
                lines.Add($"  group {group.Name} leader {group.Leader}");
                lines.AddRange(group.Buildings.Select(building => $"    building {building.Number} volunteer {building.Volunteer}"));
            }
        }
        return lines;
    }
}
