using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChainBot.Channels.Json;

/// <summary>
/// Writes the small JSON bodies the platforms take. Chinese text is written as UTF-8, not as <c>\uXXXX</c> escapes:
/// WeChat has shown escaped text literally in some APIs, and it keeps the byte counts of the limits honest.
/// Quotes, backslashes and control characters are still escaped, so the JSON is always valid.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
internal static class JsonBody
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes one JSON value with <paramref name="write"/> and returns it as a string.</summary>
    public static string Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
            write(writer, state);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A string member of an object; null when absent or not a string.</summary>
    public static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>An object member of an object; default when absent or not an object.</summary>
    public static JsonElement GetObject(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;
}
