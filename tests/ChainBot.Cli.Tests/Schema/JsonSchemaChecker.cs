using System.Globalization;
using System.Text.Json;

namespace ChainBot.Cli.Tests.Schema;

/// <summary>
/// Checks a JSON document against the subset of JSON Schema 2020-12 that schemas/chainbot-output.schema.json
/// uses: type (a name or an array of names, "null" among them for nullable), properties, required, items,
/// enum, additionalProperties: false, minimum, format: date-time, and $ref to "#/$defs/…". Anything else in
/// the schema is refused, so the checker cannot silently ignore a rule someone adds.
/// </summary>
internal sealed class JsonSchemaChecker
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "$defs", "$ref", "title", "description",
        "type", "properties", "required", "items", "enum", "additionalProperties", "minimum", "format",
    ];

    private readonly JsonElement _root;

    public JsonSchemaChecker(JsonElement schema) => _root = schema;

    public static JsonSchemaChecker Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new JsonSchemaChecker(document.RootElement.Clone());
    }

    /// <summary>Every violation, as "path: problem"; empty when the document conforms.</summary>
    public List<string> Check(JsonElement instance)
    {
        var errors = new List<string>();
        Check(_root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Known.Contains(keyword.Name))
                throw new NotSupportedException($"schema keyword '{keyword.Name}' at {path} is not supported by this checker");
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(Resolve(reference.GetString()!), value, path, errors);
            return;
        }
        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            errors.Add($"{path}: expected {type.GetRawText()}, found {Describe(value)}");
            return;
        }
        if (schema.TryGetProperty("enum", out var allowed)
            && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
            errors.Add($"{path}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        if (schema.TryGetProperty("minimum", out var minimum) && value.ValueKind == JsonValueKind.Number
            && value.GetDecimal() < minimum.GetDecimal())
            errors.Add($"{path}: {value.GetRawText()} is below the minimum {minimum.GetRawText()}");
        if (schema.TryGetProperty("format", out var format) && value.ValueKind == JsonValueKind.String)
            CheckFormat(format.GetString()!, value.GetString()!, path, errors);

        if (value.ValueKind == JsonValueKind.Object)
            CheckObject(schema, value, path, errors);
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            int i = 0;
            foreach (var element in value.EnumerateArray())
                Check(items, element, $"{path}[{i++}]", errors);
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        schema.TryGetProperty("properties", out var properties);
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray())
            {
                if (!value.TryGetProperty(name.GetString()!, out _))
                    errors.Add($"{path}: missing required member '{name.GetString()}'");
            }
        }
        foreach (var member in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var memberSchema))
                Check(memberSchema, member.Value, $"{path}.{member.Name}", errors);
            else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                errors.Add($"{path}: member '{member.Name}' is not in the schema");
        }
    }

    private JsonElement Resolve(string reference)
    {
        const string prefix = "#/$defs/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
            throw new NotSupportedException($"$ref '{reference}' is not a local definition");
        return _root.GetProperty("$defs").GetProperty(reference[prefix.Length..]);
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => IsOfType(t.GetString()!, value))
            : IsOfType(type.GetString()!, value);

    private static bool IsOfType(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal d) && d == decimal.Truncate(d),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"type '{type}'"),
    };

    private static void CheckFormat(string format, string text, string path, List<string> errors)
    {
        if (format != "date-time")
            throw new NotSupportedException($"format '{format}'");
        // RFC 3339 date-time: a date, 'T', a time and an offset (Z or ±hh:mm).
        string[] shapes = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];
        if (!DateTimeOffset.TryParseExact(text, shapes, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors.Add($"{path}: '{text}' is not an RFC 3339 date-time");
    }

    private static string Describe(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant() + " " + value.GetRawText();
}
