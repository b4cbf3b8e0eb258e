using System.Text.Json;

namespace ChainBot.Fuzz.Seeds;

/// <summary>
/// What the mutations start from, read from the repository's samples: chain texts, transcripts (as whole files, as
/// lines, as the texts of their messages and as conversations), the native 接龙 payloads, and the WeChat/WeCom
/// message XML and JSON of the protocol sheet's vectors.
/// </summary>
/// <remarks>Immutable once loaded.</remarks>
internal sealed class SeedCorpus
{
    /// <summary>Separates the messages of a conversation in one input (the merger's target splits on it).</summary>
    public const string MessageSeparator = "\n\u241E\n";

    private SeedCorpus(IReadOnlyList<string> texts, IReadOnlyList<string> conversations, IReadOnlyList<string> transcripts,
        IReadOnlyList<string> xml, IReadOnlyList<string> json)
    {
        Texts = texts;
        Conversations = conversations;
        Transcripts = transcripts;
        Xml = xml;
        Json = json;
    }

    /// <summary>Chat text: chain posts, replies, commands, native 接龙 titles.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>A transcript's message texts joined by <see cref="MessageSeparator"/>.</summary>
    public IReadOnlyList<string> Conversations { get; }

    /// <summary>JSON Lines transcripts, whole.</summary>
    public IReadOnlyList<string> Transcripts { get; }

    /// <summary>WeChat and WeCom message XML (the decrypted inner message, and the outer envelope).</summary>
    public IReadOnlyList<string> Xml { get; }

    /// <summary>JSON bodies: transcript objects (the generic webhook's) and WeCom intelligent-robot callbacks.</summary>
    public IReadOnlyList<string> Json { get; }

    /// <summary>Loads the seeds under <paramref name="repository"/> (the folder holding ChainBot.sln).</summary>
    public static SeedCorpus Load(string repository)
    {
        string samples = Path.Combine(repository, "samples");
        var texts = new List<string>(Builtin.Texts);
        var conversations = new List<string>();
        var transcripts = new List<string>();
        var json = new List<string>(Builtin.Json);
        var xml = new List<string>(Builtin.Xml);

        foreach (string file in Files(Path.Combine(samples, "chains"), "*.txt").Where(f => !f.EndsWith(".expected.txt", StringComparison.Ordinal)))
            texts.Add(File.ReadAllText(file));
        foreach (string file in Files(Path.Combine(samples, "native-jielong"), "*.xml"))
        {
            texts.Add(File.ReadAllText(file));
            xml.Add(File.ReadAllText(file));
        }
        foreach (string file in Files(Path.Combine(samples, "transcripts"), "*.jsonl"))
        {
            string transcript = File.ReadAllText(file);
            transcripts.Add(transcript);
            var messages = new List<string>();
            foreach (string line in transcript.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                json.Add(line);
                if (TextOf(line) is { } text)
                {
                    messages.Add(text);
                    texts.Add(text);
                }
            }
            conversations.Add(string.Join(MessageSeparator, messages));
        }
        if (conversations.Count == 0)
            throw new DirectoryNotFoundException($"no transcripts under {samples}: the seeds are the repository's samples");
        return new SeedCorpus(texts, conversations, transcripts, xml, json);
    }

    /// <summary>The repository root: the nearest folder above <paramref name="start"/> that holds ChainBot.sln.</summary>
    public static string FindRepository(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChainBot.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no ChainBot.sln above {start}");
    }

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal) : [];

    private static string? TextOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
