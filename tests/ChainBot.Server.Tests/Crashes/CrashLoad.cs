using System.Globalization;
using System.Text.Json;
using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Crashes;

/// <summary>
/// The crash test's traffic: the sample transcripts (all but the native 接龙, whose solitaire data the oracle's
/// messages do not carry) spread over many groups. Lane <c>g</c> replays transcript <c>g mod T</c> with every group
/// id suffixed <c>~g</c>, cycled until it holds <see cref="PerLane"/> messages; a message's id is its transcript id,
/// lane and cycle, so a transcript's own re-deliveries (redelivery.jsonl) stay re-deliveries.
/// </summary>
internal static class CrashLoad
{
    /// <summary>Messages per lane.</summary>
    public const int PerLane = 100;

    /// <summary>The lanes: each is posted in order, one message at a time, as one bridge posts one room.</summary>
    public static IReadOnlyList<IReadOnlyList<ChatMessage>> Lanes(int lanes)
    {
        var transcripts = Transcripts();
        var result = new List<IReadOnlyList<ChatMessage>>(lanes);
        for (int lane = 0; lane < lanes; lane++)
        {
            var transcript = transcripts[lane % transcripts.Count];
            var messages = new List<ChatMessage>(PerLane);
            for (int n = 0; messages.Count < PerLane; n++)
            {
                var message = transcript[n % transcript.Count];
                int cycle = n / transcript.Count;
                messages.Add(message with
                {
                    MsgId = string.Create(CultureInfo.InvariantCulture, $"{message.MsgId}~{lane}~{cycle}"),
                    GroupId = string.Create(CultureInfo.InvariantCulture, $"{message.GroupId}~{lane}"),
                });
            }
            result.Add(messages);
        }
        return result;
    }

    private static List<IReadOnlyList<ChatMessage>> Transcripts()
    {
        string folder = Path.Combine(ServerProcess.RepositoryRoot(), "samples", "transcripts");
        var transcripts = new List<IReadOnlyList<ChatMessage>>();
        foreach (string file in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == "native.jsonl")
                continue;
            var messages = new List<ChatMessage>();
            foreach (string line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                messages.Add(new ChatMessage(
                    root.GetProperty("msgId").GetString()!,
                    root.GetProperty("groupId").GetString()!,
                    root.GetProperty("senderId").GetString()!,
                    root.TryGetProperty("senderName", out var name) ? name.GetString() : null,
                    root.GetProperty("time").GetDateTimeOffset(),
                    root.GetProperty("text").GetString()!,
                    root.TryGetProperty("mentioned", out var mentioned) && mentioned.GetBoolean()));
            }
            transcripts.Add(messages);
        }
        Assert.That(transcripts, Has.Count.GreaterThan(5), "the sample transcripts under " + folder);
        return transcripts;
    }
}
