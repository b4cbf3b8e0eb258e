using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using ChainBot.Core.Messages;
using ChainBot.Core.Transcripts;

namespace ChainBot.Cli.Input;

/// <summary>
/// The input of <c>parse</c>, <c>tally</c> and <c>replay</c>: a file read as one plain-text post, or as a transcript
/// (<c>.jsonl</c>, one message a line) whose last chain post <c>parse</c> reports and whose messages <c>tally</c>
/// and <c>replay</c> merge.
/// </summary>
internal sealed class PostSource
{
    private PostSource(string path, bool isTranscript, IReadOnlyList<SourcedPost> posts, IReadOnlyList<IncomingMessage> messages, IReadOnlyList<TranscriptLine> badLines)
    {
        Path = path;
        IsTranscript = isTranscript;
        Posts = posts;
        Messages = messages;
        BadLines = badLines;
    }

    /// <summary>The file as named on the command line.</summary>
    public string Path { get; }

    /// <summary>True for a transcript; false for a plain-text post.</summary>
    public bool IsTranscript { get; }

    /// <summary>The messages read, in file order: one for a plain-text post.</summary>
    public IReadOnlyList<SourcedPost> Posts { get; }

    /// <summary>
    /// A transcript's messages as the merger takes them, in file order (a message without an id is named after its
    /// line); empty for a plain-text post, which has no sender or group to merge by.
    /// </summary>
    public IReadOnlyList<IncomingMessage> Messages { get; }

    /// <summary>Transcript lines that could not be read, with their numbers and reasons.</summary>
    public IReadOnlyList<TranscriptLine> BadLines { get; }

    /// <summary>True when <paramref name="path"/> names a transcript (<c>.jsonl</c>, <c>.ndjson</c>).</summary>
    public static bool IsTranscriptPath(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads a file. A plain-text post gets <paramref name="textTime"/> as its time; a transcript's messages keep
    /// their own. Fails with a short reason (file not found, is a directory, not UTF-8) instead of throwing.
    /// </summary>
    public static bool TryRead(string path, DateTimeOffset textTime, [NotNullWhen(true)] out PostSource? source, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        source = null;
        if (!TryReadText(path, out string? text, out error))
            return false;
        source = IsTranscriptPath(path)
            ? ReadTranscript(path, text)
            : new PostSource(path, isTranscript: false, [new SourcedPost(text, textTime)], [], []);
        return true;
    }

    /// <summary>
    /// Reads a file as a transcript whatever its name: <c>replay</c> is given nothing else. Fails with a short
    /// reason (file not found, is a directory, not UTF-8) instead of throwing; bad lines end in <see cref="BadLines"/>.
    /// </summary>
    public static bool TryReadTranscript(string path, [NotNullWhen(true)] out PostSource? source, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        source = null;
        if (!TryReadText(path, out string? text, out error))
            return false;
        source = ReadTranscript(path, text);
        return true;
    }

    private static PostSource ReadTranscript(string path, string text)
    {
        var posts = new List<SourcedPost>();
        var messages = new List<IncomingMessage>();
        var bad = new List<TranscriptLine>();
        using var reader = new StringReader(text);
        foreach (var line in TranscriptReader.Read(reader))
        {
            if (line.IsMessage)
            {
                posts.Add(new SourcedPost(line.Message.Text, line.Message.Time, line.LineNumber, line.Message.SenderName));
                messages.Add(line.Message.ToIncoming(line.LineNumber));
            }
            else
            {
                bad.Add(line);
            }
        }
        return new PostSource(path, isTranscript: true, posts, messages, bad);
    }

    /// <summary>
    /// The post to report: a plain-text post as it is (even when nothing in it reads as an entry, so its unread
    /// lines can be shown); for a transcript the last message that parses as a chain, or null when none does.
    /// </summary>
    public PickedChain? FindLastChain(PostParser parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (!IsTranscript)
            return new PickedChain(parse(Posts[0].Text, Posts[0].Time), Posts[0]);
        // From the end: the latest copy of a chain holds every earlier line, so it is usually the last one posted
        // and only the chatter after it is parsed in vain.
        for (int i = Posts.Count - 1; i >= 0; i--)
        {
            var post = parse(Posts[i].Text, Posts[i].Time);
            if (post.IsChain)
                return new PickedChain(post, Posts[i]);
        }
        return null;
    }

    /// <summary>
    /// Checks that a file exists and is UTF-8 without holding it: read in blocks, a sequence cut by a block's end
    /// carried into the next.
    /// </summary>
    public static bool TryCheckUtf8(string path, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!TryOpen(path, out var stream, out error))
            return false;
        using (stream)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            char[] chars = ArrayPool<char>.Shared.Rent(1 << 16);
            try
            {
                long offset = 0;
                int carried = 0;
                bool first = true;
                while (true)
                {
                    int read = stream.Read(buffer, carried, (1 << 16) - carried);
                    int available = carried + read;
                    bool final = read == 0;
                    var block = buffer.AsSpan(0, available);
                    int skip = first && block.StartsWith("\uFEFF"u8) ? 3 : 0;
                    first = false;
                    // A character the block's end cuts in two is checked with the next block: in Chinese text nearly
                    // every 64 KiB block ends inside one, and decoding the block to find out costs ten times the check.
                    int complete = final ? available : Math.Max(skip, CompleteLength(block));
                    if (Utf8.IsValid(block[skip..complete]))
                    {
                        // The common case, checked without decoding.
                        if (final)
                            return true;
                        carried = available - complete;
                        block[complete..].CopyTo(buffer);
                        offset += complete;
                        continue;
                    }
                    var status = Utf8.ToUtf16(block[skip..], chars, out int consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                    consumed += skip;
                    while (status == OperationStatus.DestinationTooSmall)
                    {
                        status = Utf8.ToUtf16(block[consumed..], chars, out int more, out _, replaceInvalidSequences: false, isFinalBlock: final);
                        consumed += more;
                    }
                    if (status == OperationStatus.InvalidData)
                    {
                        error = $"not UTF-8 text (invalid byte at offset {offset + consumed})";
                        return false;
                    }
                    if (final)
                        return true;
                    // NeedMoreData: the bytes of a character cut by the block's end go to the front of the next block.
                    carried = available - consumed;
                    block[consumed..].CopyTo(buffer);
                    offset += consumed;
                }
            }
            catch (IOException e)
            {
                error = e.Message;
                return false;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
                ArrayPool<char>.Shared.Return(chars);
            }
        }
    }

    /// <summary>
    /// The length of <paramref name="block"/> without a last character whose bytes run past its end (a lead byte
    /// followed by fewer continuation bytes than it announces); the whole block when none is cut, or when its end is
    /// not UTF-8 at all, which the check then reports.
    /// </summary>
    internal static int CompleteLength(ReadOnlySpan<byte> block)
    {
        int lead = block.Length - 1;
        while (lead >= 0 && block.Length - lead <= 3 && (block[lead] & 0xC0) == 0x80)
            lead--;
        if (lead < 0)
            return block.Length;
        byte b = block[lead];
        int length = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
        return lead + length > block.Length ? lead : block.Length;
    }

    /// <summary>Opens a file checked by <see cref="TryCheckUtf8"/> as text, a byte order mark skipped.</summary>
    public static TextReader OpenText(string path) =>
        new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });

    private static bool TryOpen(string path, [NotNullWhen(true)] out FileStream? stream, [NotNullWhen(false)] out string? error)
    {
        stream = null;
        try
        {
            if (Directory.Exists(path))
            {
                error = "is a directory";
                return false;
            }
            if (!File.Exists(path))
            {
                error = "file not found";
                return false;
            }
            stream = File.OpenRead(path);
            error = null;
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            error = "permission denied";
            return false;
        }
        catch (IOException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Reads a whole file as UTF-8 bytes, a byte order mark left out: what <c>post</c> and <c>load</c> send is the
    /// bytes of each line as written. Fails with the same short reasons as <see cref="TryRead"/> instead of throwing.
    /// </summary>
    public static bool TryReadUtf8(string path, [NotNullWhen(true)] out byte[]? content, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        content = null;
        if (!TryOpen(path, out var stream, out error))
            return false;
        byte[] bytes;
        try
        {
            using (stream)
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }
        }
        catch (IOException e)
        {
            error = e.Message;
            return false;
        }

        int bom = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        if (!Utf8.IsValid(bytes.AsSpan(bom)))
        {
            error = $"not UTF-8 text (invalid byte at offset {FirstInvalidByte(bytes.AsSpan(bom)) + bom})";
            return false;
        }
        content = bom == 0 ? bytes : bytes[bom..];
        return true;
    }

    private static bool TryReadText(string path, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        text = null;
        if (!TryReadUtf8(path, out byte[]? content, out error))
            return false;
        text = Encoding.UTF8.GetString(content);
        return true;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        char[] chunk = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            int offset = 0;
            while (true)
            {
                var status = Utf8.ToUtf16(bytes[offset..], chunk, out int read, out _, replaceInvalidSequences: false);
                offset += read;
                if (status != OperationStatus.DestinationTooSmall)
                    return offset;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }
    }
}
