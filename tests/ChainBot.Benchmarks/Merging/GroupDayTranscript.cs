using System.Text.Encodings.Web;
using System.Text.Json;
using ChainBot.Core.Messages;
using ChainBot.Core.Transcripts;

namespace ChainBot.Benchmarks.Merging;

/// <summary>A generated day as a transcript (JSON Lines, one message a line), for <c>chainbot replay</c>, and back.</summary>
public static class GroupDayTranscript
{
    // Chinese and emoji as they are, not \uXXXX: the transcript stays readable.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the day's messages to <paramref name="path"/>.</summary>
    public static void Write(GroupDay day, string path)
    {
        ArgumentNullException.ThrowIfNull(day);
        using var file = File.Create(path);
        foreach (var planned in day.Messages)
        {
            var message = planned.Message;
            using (var json = new Utf8JsonWriter(file, Options))
            {
                json.WriteStartObject();
                json.WriteString("msgId", message.MsgId);
                json.WriteString("groupId", message.GroupId);
                json.WriteString("senderId", message.SenderId);
                json.WriteString("senderName", message.SenderName);
                json.WriteString("time", TranscriptTime.Format(message.Time));
                json.WriteString("text", message.Text);
                json.WriteBoolean("mentioned", message.Mentioned);
                json.WriteEndObject();
            }
            file.WriteByte((byte)'\n');
        }
    }

    /// <summary>Reads a transcript back as the merger takes it; throws on a line that does not read.</summary>
    public static List<IncomingMessage> Read(string path)
    {
        using var reader = File.OpenText(path);
        var messages = new List<IncomingMessage>();
        foreach (var line in TranscriptReader.Read(reader))
        {
            if (!line.IsMessage)
                throw new InvalidDataException($"{path}:{line.LineNumber}: {line.Error} {line.Detail}");
            messages.Add(line.Message.ToIncoming(line.LineNumber));
        }
        return messages;
    }
}
