using System.Text.Json;
using ChainBot.Core.Compounds;
using ChainBot.Core.Tally;

namespace ChainBot.Cli.Output;

/// <summary>The tally's optional <c>zones</c> array, with <c>--compound</c>.</summary>
internal sealed partial class JsonChainWriter
{
    /// <summary>The compound whose zones each tally is rolled up to (<c>--compound</c>); null for no <c>zones</c> array.</summary>
    public Compound? Compound { get; init; }

    /// <summary>
    /// <c>"zones": [{"level": "area", "name": "一区", "area": null, …}, {"level": "group", "name": "一营", "area": "一区", …},
    /// …, {"level": "unzoned", "name": "未分区", …}]</c>: each area followed by its groups, then the lines no zone holds.
    /// </summary>
    private void WriteZones(ChainTally tally)
    {
        if (Compound is null)
            return;
        var zoned = CompoundTally.Compute(Compound, tally);
        _json.WriteStartArray(ZoneNames.Zones);
        foreach (var area in zoned.Areas)
        {
            WriteZone(ZoneNames.AreaLevel, area, null);
            foreach (var group in area.Parts)
                WriteZone(ZoneNames.GroupLevel, group, area.Zone.Name);
        }
        WriteZone(ZoneNames.UnzonedLevel, zoned.Unzoned, null);
        _json.WriteEndArray();
    }

    private void WriteZone(JsonEncodedText level, ZoneTally zone, string? area)
    {
        _json.WriteStartObject();
        _json.WriteString(ZoneNames.Level, level);
        _json.WriteString(ZoneNames.Name, zone.Zone.Name);
        WriteText(Names.Area, area);
        _json.WriteNumber(Names.Households, zone.Total.Households);
        WriteItems(zone.Total.Items);
        _json.WriteNumber(Names.Amount, zone.Total.Amount);
        _json.WriteStartArray(Names.Buildings);
        // As a line writes it, canonical: "12", "一区12"; null for lines that name no building.
        foreach (var building in zone.Buildings)
        {
            if (building.Building is null)
                _json.WriteNullValue();
            else
                _json.WriteStringValue(building.Area + building.Building);
        }
        _json.WriteEndArray();
        _json.WriteEndObject();
    }

    private static class ZoneNames
    {
        public static readonly JsonEncodedText Zones = JsonEncodedText.Encode("zones");
        public static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText AreaLevel = JsonEncodedText.Encode("area");
        public static readonly JsonEncodedText GroupLevel = JsonEncodedText.Encode("group");
        public static readonly JsonEncodedText UnzonedLevel = JsonEncodedText.Encode("unzoned");
    }
}
