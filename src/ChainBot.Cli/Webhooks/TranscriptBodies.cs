using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChainBot.Cli.Input;
using ChainBot.Core.Transcripts;

namespace ChainBot.Cli.Webhooks;

/// <summary>
/// A transcript read for posting (<c>post</c>, <c>load</c>): each line that reads as a message becomes a request
/// body. The body is the line's bytes exactly as written — what the bot receives and stores is what the file says,
/// and the signature covers those bytes. A line is re-serialized only when it has to be: one without a msgId gets
/// <c>line-N</c>, the name <c>replay</c> gives it, since the bot's inbox keeps messages by id.
/// </summary>
/// <remarks>Immutable once read.</remarks>
internal sealed class TranscriptBodies
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private TranscriptBodies(string path, IReadOnlyList<WebhookMessage> messages, IReadOnlyList<TranscriptLine> badLines)
    {
        Path = path;
        Messages = messages;
        BadLines = badLines;
    }

    /// <summary>The file as named on the command line.</summary>
    public string Path { get; }

    /// <summary>The messages, in file order.</summary>
    public IReadOnlyList<WebhookMessage> Messages { get; }

    /// <summary>Lines that are not messages (not JSON, no text, a bad time…), with their numbers and reasons: never posted.</summary>
    public IReadOnlyList<TranscriptLine> BadLines { get; }

    /// <summary>
    /// Reads a transcript. Fails with a short reason (file not found, is a directory, not UTF-8) instead of
    /// throwing; lines that are not messages end in <see cref="BadLines"/>.
    /// </summary>
    public static bool TryRead(string path, [NotNullWhen(true)] out TranscriptBodies? bodies, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        bodies = null;
        if (!PostSource.TryReadUtf8(path, out byte[]? content, out error))
            return false;
        bodies = Read(path, content);
        return true;
    }

    /// <summary>Reads a transcript's bytes (UTF-8, without a byte order mark).</summary>
    public static TranscriptBodies Read(string path, ReadOnlySpan<byte> content)
    {
        var messages = new List<WebhookMessage>();
        var bad = new List<TranscriptLine>();
        int number = 0;
        while (!content.IsEmpty)
        {
            // Lines end as TextReader.ReadLine ends them (\n, \r\n or \r), so line numbers agree with replay's.
            int end = content.IndexOfAny((byte)'\n', (byte)'\r');
            var line = end < 0 ? content : content[..end];
            content = end < 0 ? [] : content[(end + (content[end] == '\r' && end + 1 < content.Length && content[end + 1] == '\n' ? 2 : 1))..];
            number++;
            if (line.Trim(" \t\f\v"u8).IsEmpty)
                continue;
            var read = TranscriptReader.ReadUtf8(line);
            if (!read.IsMessage)
            {
                bad.Add(read.WithLineNumber(number));
                continue;
            }
            messages.Add(read.Message.MsgId is { Length: > 0 } id
                ? new WebhookMessage(number, id, line.ToArray(), read.Message, Rewritten: false)
                : WithMsgId(number, line, read.Message));
        }
        return new TranscriptBodies(path, messages, bad);
    }

    /// <summary>The line re-serialized with <c>"msgId":"line-N"</c> first and every other member as it was.</summary>
    private static WebhookMessage WithMsgId(int number, ReadOnlySpan<byte> line, TranscriptMessage message)
    {
        string id = "line-" + number.ToString(CultureInfo.InvariantCulture);
        using var document = JsonDocument.Parse(line.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        using var buffer = new MemoryStream(line.Length + 24);
        using (var json = new Utf8JsonWriter(buffer, Relaxed))
        {
            json.WriteStartObject();
            json.WriteString("msgId", id);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (!member.NameEquals("msgId"u8))
                    member.WriteTo(json);
            }
            json.WriteEndObject();
        }
        return new WebhookMessage(number, id, buffer.ToArray(), message with { MsgId = id }, Rewritten: true);
    }
}
