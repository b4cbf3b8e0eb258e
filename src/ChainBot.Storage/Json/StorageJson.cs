using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChainBot.Core.Messages;

namespace ChainBot.Storage.Json;

/// <summary>
/// Turns what the store keeps as JSON (a message, a reply's mentions) into text and back. Round trips are exact:
/// times keep their offset and ticks, a missing sender name or solitaire stays missing, an empty one stays empty.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class StorageJson
{
    // Chinese is most of every message: written as itself (3 bytes in UTF-8) rather than \uXXXX escapes (6), and
    // readable in the sqlite3 shell. The "unsafe" in the name is about embedding in HTML, which this never is.
    // The other options repeat the context's attribute, which a context given options at run time does not read.
    private static readonly StorageJsonContext Context = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    });

    /// <summary>The JSON text of a message.</summary>
    public static string WriteMessage(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var solitaire = message.Solitaire is { } s
            ? (s.Items.IsDefault ? [] : s.Items.Select(i => new StoredSolitaireItem(i.Range, i.UserId, i.Time)).ToArray())
            : null;
        var stored = new StoredMessage(message.MsgId, message.GroupId, message.SenderId, message.SenderName,
            message.Time, message.Text, message.Mentioned, solitaire);
        return JsonSerializer.Serialize(stored, Context.StoredMessage);
    }

    /// <summary>The message a JSON text holds.</summary>
    /// <exception cref="JsonException">The text is not a stored message.</exception>
    public static IncomingMessage ReadMessage(string json)
    {
        var stored = JsonSerializer.Deserialize(json, Context.StoredMessage)
            ?? throw new JsonException("A stored message is null.");
        var solitaire = stored.Solitaire is { } items
            ? new Solitaire(items.Select(i => new SolitaireItem(i.Range, i.UserId, i.Time)).ToImmutableArray())
            : null;
        return new IncomingMessage(stored.MsgId, stored.GroupId, stored.SenderId, stored.SenderName, stored.Time,
            stored.Text, stored.Mentioned, solitaire);
    }

    /// <summary>The JSON array of a reply's mentions; a default array is written as empty.</summary>
    public static string WriteMentions(ImmutableArray<string> mentions) =>
        JsonSerializer.Serialize(mentions.IsDefault ? [] : mentions.ToArray(), Context.StringArray);

    /// <summary>The mentions a JSON array holds.</summary>
    /// <exception cref="JsonException">The text is not an array of strings.</exception>
    public static ImmutableArray<string> ReadMentions(string json) =>
        ImmutableArray.Create(JsonSerializer.Deserialize(json, Context.StringArray) ?? []);
}
