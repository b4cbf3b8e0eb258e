using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using ChainBot.Core.Messages;

namespace ChainBot.Core.Transcripts;

/// <summary>
/// Reads transcripts (JSON Lines, one <see cref="TranscriptMessage"/> a line). A bad line comes back as a
/// <see cref="TranscriptLine"/> with its number and reason, never as an exception, so one typo does not lose a
/// day of messages.
/// </summary>
/// <remarks>Stateless and thread-safe. Unknown members are skipped, so newer transcripts still read.</remarks>
public static class TranscriptReader
{
    // Lines of ordinary size are decoded on the stack; a pasted 400,000-entry chain goes through the pool.
    private const int StackLimit = 1024;

    /// <summary>
    /// Reads every message of a transcript lazily, one line at a time, numbering lines from 1. Blank lines are
    /// skipped. The reader is not disposed.
    /// </summary>
    public static IEnumerable<TranscriptLine> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadLines(reader);
    }

    private static IEnumerable<TranscriptLine> ReadLines(TextReader reader)
    {
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            ReadOnlySpan<char> span = line;
            // A UTF-8 BOM survives when the caller opened the file without encoding detection.
            if (number == 1 && span.StartsWith('\uFEFF'))
                span = span[1..];
            if (span.IsWhiteSpace())
                continue;
            yield return ReadLine(span).WithLineNumber(number);
        }
    }

    /// <summary>Reads one line of a transcript. Never throws on its content.</summary>
    public static TranscriptLine ReadLine(ReadOnlySpan<char> line)
    {
        int max = Encoding.UTF8.GetMaxByteCount(line.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            int length = Encoding.UTF8.GetBytes(line, buffer);
            return ReadUtf8(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reads one line of a transcript given as UTF-8 bytes. Never throws on its content.</summary>
    public static TranscriptLine ReadUtf8(ReadOnlySpan<byte> line)
    {
        try
        {
            return ReadObject(line);
        }
        catch (JsonException e)
        {
            return TranscriptLine.Failure(0, TranscriptErrors.MalformedJson, e.Message);
        }
        catch (InvalidOperationException e)
        {
            // The JSON reader throws this when a string token holds invalid UTF-8 or a lone surrogate escape.
            return TranscriptLine.Failure(0, TranscriptErrors.MalformedJson, e.Message);
        }
    }

    private static TranscriptLine ReadObject(ReadOnlySpan<byte> line)
    {
        var json = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!json.Read())
            return TranscriptLine.Failure(0, TranscriptErrors.MalformedJson, "empty line");
        if (json.TokenType != JsonTokenType.StartObject)
        {
            json.Skip();
            return Trailing(ref json) ?? TranscriptLine.Failure(0, TranscriptErrors.NotAnObject, json.TokenType.ToString());
        }

        string? msgId = null, groupId = null, senderId = null, senderName = null, text = null, time = null;
        bool mentioned = false, hasTime = false;
        Solitaire? solitaire = null;
        string? badField = null;

        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            string name = json.GetString()!;
            json.Read();
            switch (name)
            {
                case "msgId": badField ??= ReadId(ref json, out msgId) ? null : name; break;
                case "groupId": badField ??= ReadId(ref json, out groupId) ? null : name; break;
                case "senderId": badField ??= ReadId(ref json, out senderId) ? null : name; break;
                case "senderName": badField ??= ReadId(ref json, out senderName) ? null : name; break;
                case "text":
                    text = json.TokenType == JsonTokenType.String ? json.GetString() : null;
                    json.Skip();
                    break;
                case "time":
                    hasTime = true;
                    time = json.TokenType == JsonTokenType.String ? json.GetString() : null;
                    json.Skip();
                    break;
                case "mentioned":
                    if (json.TokenType is JsonTokenType.True or JsonTokenType.False)
                        mentioned = json.GetBoolean();
                    else if (json.TokenType != JsonTokenType.Null)
                        badField ??= name;
                    break;
                case "solitaire":
                    solitaire = ReadSolitaire(ref json);
                    break;
                default:
                    json.Skip();
                    break;
            }
        }
        // The loop ends on the closing brace; anything after it is a second value on the line.
        if (Trailing(ref json) is { } trailing)
            return trailing;

        if (text is null)
            return TranscriptLine.Failure(0, TranscriptErrors.MissingText);
        if (time is null || !TranscriptTime.TryParse(time, zoneWhenNoOffset: null, out var sent))
            return TranscriptLine.Failure(0, TranscriptErrors.BadTime, hasTime ? Quote(time) : "no time");
        if (badField is not null)
            return TranscriptLine.Failure(0, TranscriptErrors.BadField, badField);
        return TranscriptLine.Success(0, new TranscriptMessage(msgId, groupId, senderId, senderName, sent, text, mentioned, solitaire));
    }

    private static TranscriptLine? Trailing(ref Utf8JsonReader json) =>
        json.Read() ? TranscriptLine.Failure(0, TranscriptErrors.MalformedJson, "more than one JSON value on the line") : null;

    private static string Quote(string? value) => value is null ? "not a string" : $"'{value}' is not ISO 8601 with an offset";

    // Ids arrive as strings from most channels, as numbers from some bridges; both are kept as text.
    private static bool ReadId(ref Utf8JsonReader json, out string? value)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                value = json.GetString();
                return true;
            case JsonTokenType.Number:
                value = Encoding.UTF8.GetString(json.HasValueSequence ? json.ValueSequence.ToArray() : json.ValueSpan);
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            default:
                json.Skip();
                value = null;
                return false;
        }
    }

    // A solitaire of a shape this reader does not know is dropped rather than costing the
    // message its text: parts that are not objects are skipped, members of the wrong type read as null.
    private static Solitaire? ReadSolitaire(ref Utf8JsonReader json)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            json.Skip();
            return null;
        }
        var items = ImmutableArray.CreateBuilder<SolitaireItem>();
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            bool isItems = json.ValueTextEquals("items"u8);
            json.Read();
            if (isItems && json.TokenType == JsonTokenType.StartArray)
            {
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    if (json.TokenType == JsonTokenType.StartObject)
                        items.Add(ReadSolitaireItem(ref json));
                    else
                        json.Skip();
                }
            }
            else
            {
                json.Skip();
            }
        }
        return new Solitaire(items.ToImmutable());
    }

    private static SolitaireItem ReadSolitaireItem(ref Utf8JsonReader json)
    {
        string? range = null, userId = null;
        DateTimeOffset? time = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            string name = json.GetString()!;
            json.Read();
            switch (name)
            {
                case "range" when json.TokenType == JsonTokenType.String: range = json.GetString(); break;
                case "userId" when json.TokenType == JsonTokenType.String: userId = json.GetString(); break;
                case "time" when json.TokenType == JsonTokenType.Number && json.TryGetInt64(out long seconds)
                                 && seconds is >= 0 and <= 253_402_300_799:
                    time = DateTimeOffset.FromUnixTimeSeconds(seconds);
                    break;
                default: json.Skip(); break;
            }
        }
        return new SolitaireItem(range, userId, time);
    }
}
