using System.Text.Json;
using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Instances;

/// <summary>
/// The load of <see cref="SeveralInstancesTests"/>: for each group, the lines of one of samples/transcripts (in
/// turn; ledger.jsonl left out, its 台账 replies depend on settings the oracle does not model) renamed into the group
/// and repeated up to the count, then a mentioned 统计 whose reply carries the group's final tally.
/// </summary>
internal static class LoadGenerator
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<IReadOnlyList<ChatMessage>> Build(int groups, int perGroup)
    {
        var transcripts = Transcripts();
        var load = new List<IReadOnlyList<ChatMessage>>(groups);
        for (int g = 0; g < groups; g++)
        {
            var lines = transcripts[g % transcripts.Count];
            string group = $"load-g{g:00}";
            var messages = new List<ChatMessage>(perGroup);
            for (int i = 0; i < perGroup - 1; i++)
                messages.Add(lines[i % lines.Count] with { MsgId = $"{group}-{i:00}", GroupId = group });
            messages.Add(new ChatMessage($"{group}-tally", group, "u_load_coordinator", "团长", messages[^1].Time.AddMinutes(1), "统计", Mentioned: true));
            load.Add(messages);
        }
        return load;
    }

    private static List<List<ChatMessage>> Transcripts()
    {
        string directory = Path.Combine(Path.GetDirectoryName(ServerProcess.ServerDll())!, "..", "..", "..", "..", "..", "samples", "transcripts");
        return [.. Directory.GetFiles(directory, "*.jsonl").Order(StringComparer.Ordinal)
            .Where(path => !path.EndsWith("ledger.jsonl", StringComparison.Ordinal))
            .Select(path => File.ReadAllLines(path).Where(line => line.Trim().Length > 0)
                .Select(line => JsonSerializer.Deserialize<ChatMessage>(line, Json)!).ToList())];
    }
}
