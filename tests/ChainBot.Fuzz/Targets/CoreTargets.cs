using ChainBot.Core.Chains;
using ChainBot.Core.Commands;
using ChainBot.Core.Merging;
using ChainBot.Core.Messages;
using ChainBot.Core.Parsing;
using ChainBot.Core.Replies;
using ChainBot.Core.Transcripts;
using ChainBot.Fuzz.Seeds;

namespace ChainBot.Fuzz.Targets;

/// <summary>
/// The pure side of the bot: the parser's three entry points, the merger over short conversations with the bot's
/// replies to each message, the command reader, the replies to a message in a group with an open chain, and the
/// transcript reader. Each documents that it never throws on user text, so any exception is a crash.
/// </summary>
internal static class CoreTargets
{
    /// <summary>When every fuzzed message is sent: fixed, so a crash replays exactly.</summary>
    private static readonly DateTimeOffset Morning = new(2022, 4, 18, 9, 30, 0, TimeSpan.FromHours(8));

    public static IEnumerable<FuzzTarget> Create(SeedCorpus seeds)
    {
        var parser = ChainParser.Default;
        string chainText = seeds.Texts.FirstOrDefault(t => t.Contains("#接龙", StringComparison.Ordinal)) ?? seeds.Texts[0];
        ChainHeader header = parser.Parse(chainText, Morning).Header;
        var merger = new ChainMerger(parser, GroupRoles.Of(["u_coordinator"]));
        var opened = merger.Apply(GroupState.Empty, Message("open", "u_coordinator", chainText, 0)).State;
        var coordinator = ReplyContext.Default with { SenderIsCoordinator = true, AcknowledgeEntries = true };

        yield return new FuzzTarget("parser.parse", seeds.Texts, RunText: text => parser.Parse(text, Morning));
        yield return new FuzzTarget("parser.reply", seeds.Texts, RunText: text => parser.ParseReply(text, header));
        yield return new FuzzTarget("parser.under", seeds.Texts, RunText: text => parser.ParseUnder(text, header));
        yield return new FuzzTarget("merger.conversation", seeds.Conversations, RunText: text => Converse(merger, text));
        yield return new FuzzTarget("commands", seeds.Texts, RunText: text => CommandReader.TryRead(text, out _));
        yield return new FuzzTarget("replies", seeds.Texts, RunText: text =>
        {
            var message = Message("fuzz", "u_coordinator", text, 1);
            BotReplies.For(message, merger.Apply(opened, message), coordinator);
        });
        yield return new FuzzTarget("transcript", seeds.Transcripts, RunText: text =>
        {
            using var reader = new StringReader(text);
            foreach (var line in TranscriptReader.Read(reader))
                _ = line.Message?.ToIncoming(0);
        });
    }

    /// <summary>
    /// A short conversation: each message of the input (split on <see cref="SeedCorpus.MessageSeparator"/>) merged in
    /// turn, from three senders of whom the first runs the group, and the bot's replies to each written.
    /// </summary>
    private static void Converse(ChainMerger merger, string text)
    {
        string[] senders = ["u_coordinator", "u_wang", "u_li"];
        var state = GroupState.Empty;
        string[] messages = text.Split(SeedCorpus.MessageSeparator.Trim('\n'));
        for (int i = 0; i < messages.Length && i < 12; i++)
        {
            string sender = senders[i % senders.Length];
            var message = Message("m" + i, sender, messages[i].Trim('\n'), i);
            var result = merger.Apply(state, message);
            BotReplies.For(message, result, ReplyContext.Default with { SenderIsCoordinator = i % senders.Length == 0 });
            state = result.State;
        }
    }

    private static IncomingMessage Message(string msgId, string sender, string text, int minute) =>
        new(msgId, "g_fuzz", sender, sender == "u_coordinator" ? "团长" : "王阿姨", Morning.AddMinutes(minute), text);
}
