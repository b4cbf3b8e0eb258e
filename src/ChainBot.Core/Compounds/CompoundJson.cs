using System.Text.Json;

namespace ChainBot.Core.Compounds;

/// <summary>
/// The JSON form of the compound file, a tree: <c>{"compound", "head", "areas": [{"name", "leader", "groups":
/// [{"name", "leader", "buildings": ["1", {"building": "2", "volunteer": {…}}]}]}]}</c>; a leader is
/// <c>{"name": "…", "senderId": "…"}</c>. Errors name the field by its path (<c>areas[0].groups[1].buildings[3]</c>),
/// or the line for a syntax error.
/// </summary>
internal static class CompoundJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads the JSON text.</summary>
    public static CompoundReadResult Read(string text)
    {
        var errors = new List<CompoundError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text.TrimStart('\uFEFF'), Options);
        }
        catch (JsonException e)
        {
            return new CompoundReadResult(null, [new CompoundError("line " + ((e.LineNumber ?? 0) + 1), "not valid JSON: " + FirstSentence(e.Message))]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new CompoundReadResult(null, [new CompoundError("$", "not a JSON object")]);
            var builder = new CompoundBuilder(errors);
            string? name = String(root, "compound", "$", errors, required: false);
            var head = LeaderOf(root, "head", "$", errors);
            var areaNames = new HashSet<string>();
            var groupNames = new HashSet<string>();
            foreach (var (area, areaPath) in Array(root, "areas", "$", errors))
            {
                string? areaName = String(area, "name", areaPath, errors, required: true);
                var areaLeader = LeaderOf(area, "leader", areaPath, errors);
                if (areaName is not null && !areaNames.Add(ZoneNames.Key(areaName)))
                    errors.Add(new CompoundError(areaPath + ".name", $"area {areaName} is declared twice"));
                foreach (var (group, groupPath) in Array(area, "groups", areaPath, errors))
                {
                    string? groupName = String(group, "name", groupPath, errors, required: true);
                    var groupLeader = LeaderOf(group, "leader", groupPath, errors);
                    if (groupName is not null && !groupNames.Add(ZoneNames.Key(groupName)))
                        errors.Add(new CompoundError(groupPath + ".name", $"group {groupName} is declared twice"));
                    foreach (var (building, buildingPath) in Array(group, "buildings", groupPath, errors))
                    {
                        var (number, volunteer) = BuildingOf(building, buildingPath, errors);
                        if (areaName is not null && groupName is not null && number is not null)
                            builder.Add(new BuildingRow(areaName, areaLeader, groupName, groupLeader, number, volunteer, buildingPath));
                    }
                }
            }
            var compound = builder.Build(name, head, "$");
            return new CompoundReadResult(compound, [.. errors]);
        }
    }

    /// <summary>A building: <c>"12"</c>, or <c>{"building": "12", "volunteer": {…}}</c>.</summary>
    private static (string? Number, Leader? Volunteer) BuildingOf(JsonElement element, string path, List<CompoundError> errors)
    {
        if (element.ValueKind == JsonValueKind.String)
            return (NonEmpty(element.GetString(), path, "building", errors), null);
        if (element.ValueKind == JsonValueKind.Number)
            return (element.GetRawText(), null);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new CompoundError(path, "a building is a string (\"12\") or an object with \"building\""));
            return (null, null);
        }
        string? number = element.TryGetProperty("building", out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetRawText()
            : String(element, "building", path, errors, required: true);
        return (number, LeaderOf(element, "volunteer", path, errors));
    }

    /// <summary>A leader: <c>{"name": "…", "senderId": "…"}</c>; null when the property is absent or null.</summary>
    private static Leader? LeaderOf(JsonElement parent, string property, string path, List<CompoundError> errors)
    {
        if (!parent.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
            return null;
        string where = path + "." + property;
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new CompoundError(where, "a leader is an object: {\"name\": \"…\", \"senderId\": \"…\"}"));
            return null;
        }
        string? name = String(element, "name", where, errors, required: true);
        string? senderId = String(element, "senderId", where, errors, required: false);
        return name is null ? null : new Leader(name, senderId);
    }

    /// <summary>A string property: null with an error when it is required and missing, empty or not a string.</summary>
    private static string? String(JsonElement parent, string property, string path, List<CompoundError> errors, bool required)
    {
        string where = path + "." + property;
        if (!parent.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
                errors.Add(new CompoundError(where, "missing"));
            return null;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add(new CompoundError(where, "not a string"));
            return null;
        }
        return NonEmpty(element.GetString(), where, property, errors);
    }

    private static string? NonEmpty(string? value, string where, string what, List<CompoundError> errors)
    {
        if (!string.IsNullOrWhiteSpace(value))
            return value.Trim();
        errors.Add(new CompoundError(where, "empty " + what));
        return null;
    }

    /// <summary>The items of an array property with their paths; an error when it is missing or not an array.</summary>
    private static IEnumerable<(JsonElement Item, string Path)> Array(JsonElement parent, string property, string path, List<CompoundError> errors)
    {
        string where = path == "$" ? property : path + "." + property;
        if (!parent.TryGetProperty(property, out var element) || element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new CompoundError(where, "missing, or not an array"));
            yield break;
        }
        int i = 0;
        foreach (var item in element.EnumerateArray())
            yield return (item, $"{where}[{i++}]");
    }

    /// <summary>System.Text.Json's message up to its first full stop: the rest repeats the position.</summary>
    private static string FirstSentence(string message)
    {
        int stop = message.IndexOf(". ", StringComparison.Ordinal);
        return stop < 0 ? message : message[..stop];
    }
}
