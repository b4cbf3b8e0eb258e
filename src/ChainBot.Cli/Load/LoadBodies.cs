using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChainBot.Cli.Webhooks;

namespace ChainBot.Cli.Load;

/// <summary>
/// The bodies <c>load</c> sends, serialized once: send number <c>n</c> goes to group <c>n mod G</c> and carries the
/// transcript's message <c>(n div G) mod M</c>, so every group receives the transcript in order, all groups at once,
/// and the file is cycled through as often as the run needs. Each body is the message with a msgId of its own
/// (<c>load-RUN-n</c>, so nothing is a duplicate, even across runs) and the group rewritten
/// (<c>ORIGINAL~RUN~g</c>): only those two members differ from send to send, so a body is a few byte copies.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class LoadBodies
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // {"msgId":"load-RUN-   then n, then the message's group head, then g, then its tail.
    private readonly byte[] _head;

    // ","groupId":"ORIGINAL~RUN~   per message.
    private readonly byte[][] _groupHeads;

    // "  and every other member of the message, to its closing brace.
    private readonly byte[][] _tails;

    private LoadBodies(string runId, int groups, byte[] head, byte[][] groupHeads, byte[][] tails)
    {
        RunId = runId;
        Groups = groups;
        _head = head;
        _groupHeads = groupHeads;
        _tails = tails;
        int longest = 0;
        for (int i = 0; i < tails.Length; i++)
            longest = Math.Max(longest, groupHeads[i].Length + tails[i].Length);
        // Two numbers of at most 19 and 10 digits.
        MaxLength = head.Length + longest + 19 + 10;
    }

    /// <summary>The run's id, in every msgId and groupId it sends.</summary>
    public string RunId { get; }

    /// <summary>How many groups the sends are spread over.</summary>
    public int Groups { get; }

    /// <summary>How many messages one pass through the transcript has.</summary>
    public int Messages => _tails.Length;

    /// <summary>The longest body, in bytes.</summary>
    public int MaxLength { get; }

    /// <summary>Serializes the templates of <paramref name="messages"/> (each once, whatever the run's length).</summary>
    public static LoadBodies Create(IReadOnlyList<WebhookMessage> messages, int groups, string runId)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentOutOfRangeException.ThrowIfZero(messages.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        byte[] head = Encoding.UTF8.GetBytes($"{{\"msgId\":\"load-{runId}-");
        var groupHeads = new byte[messages.Count][];
        var tails = new byte[messages.Count][];
        for (int i = 0; i < messages.Count; i++)
        {
            string group = (messages[i].Message.GroupId ?? "load") + "~" + runId + "~";
            groupHeads[i] = [.. "\",\"groupId\":\""u8, .. JsonEncodedText.Encode(group, Relaxed.Encoder).EncodedUtf8Bytes];
            tails[i] = Tail(messages[i].Body);
        }
        return new LoadBodies(runId, groups, head, groupHeads, tails);
    }

    /// <summary>The message send number <paramref name="sequence"/> carries, 0-based in the transcript.</summary>
    public int MessageOf(long sequence) => (int)(sequence / Groups % Messages);

    /// <summary>The group send number <paramref name="sequence"/> goes to, 0-based.</summary>
    public int GroupOf(long sequence) => (int)(sequence % Groups);

    /// <summary>The body of send number <paramref name="sequence"/>, exactly as it is signed and sent.</summary>
    public byte[] Build(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        int message = MessageOf(sequence);
        Span<byte> buffer = stackalloc byte[30];
        Span<byte> id = buffer[..20];
        Span<byte> group = buffer[20..];
        Utf8Formatter.TryFormat(sequence, id, out int idLength);
        Utf8Formatter.TryFormat(GroupOf(sequence), group, out int groupLength);
        byte[] groupHead = _groupHeads[message], tail = _tails[message];
        byte[] body = new byte[_head.Length + idLength + groupHead.Length + groupLength + tail.Length];
        var rest = body.AsSpan();
        Append(ref rest, _head);
        Append(ref rest, id[..idLength]);
        Append(ref rest, groupHead);
        Append(ref rest, group[..groupLength]);
        Append(ref rest, tail);
        return body;
    }

    private static void Append(ref Span<byte> destination, scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination);
        destination = destination[bytes.Length..];
    }

    /// <summary>
    /// The closing quote of the groupId and every member but msgId and groupId, as written (strings re-escaped with
    /// Chinese left as it is), to the closing brace: <c>","senderId":"…",…}</c>.
    /// </summary>
    private static byte[] Tail(byte[] body)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        using var buffer = new MemoryStream(body.Length);
        buffer.WriteByte((byte)'"');
        using (var json = new Utf8JsonWriter(buffer, Relaxed))
        {
            json.WriteStartObject();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (!member.NameEquals("msgId"u8) && !member.NameEquals("groupId"u8))
                    member.WriteTo(json);
            }
            json.WriteEndObject();
        }
        // "{…}" becomes ",…}" after the quote; "{}" becomes "}".
        byte[] written = buffer.ToArray();
        return written.Length == 3 ? "\"}"u8.ToArray() : [(byte)'"', (byte)',', .. written.AsSpan(2)];
    }
}
