using System.Globalization;
using ChainBot.Core.Merging;
using ChainBot.Core.Messages;
using ChainBot.Core.Parsing;
using ChainBot.Core.Replies;

namespace ChainBot.Server.Tests.Support;

/// A reply as the bridge should receive it; compared by its one-line form, which holds every field.
internal sealed record ExpectedReply(string ReplyId, string GroupId, string? InReplyTo, IReadOnlyList<string> Mentions, string Text)
{
    public override string ToString() => $"{ReplyId} to {GroupId} re {InReplyTo ?? "-"} @[{string.Join(",", Mentions)}]: {Text.Replace("\n", "⏎", StringComparison.Ordinal)}";
}

/// <summary>
/// The oracle: what the bot owes a group for a history of messages, worked out with Core alone — the messages
/// replayed through a <see cref="ChainMerger"/> in the given order, each answered by <see cref="BotReplies"/>, each
/// part's id the message's id and its number — never through the server's own pipeline.
/// </summary>
internal static class ExpectedReplies
{
    public static IReadOnlyList<ExpectedReply> For(IEnumerable<IncomingMessage> history, IReadOnlyCollection<string>? coordinators = null, bool acknowledge = false) =>
        Replay(history, coordinators, acknowledge).Replies;

    /// The group's state after the history, and every reply it called for.
    public static (GroupState State, IReadOnlyList<ExpectedReply> Replies) Replay(IEnumerable<IncomingMessage> history, IReadOnlyCollection<string>? coordinators = null, bool acknowledge = false)
    {
        coordinators ??= [];
        var merger = new ChainMerger(ChainParser.Default, GroupRoles.Of(coordinators));
        var state = GroupState.Empty;
        var replies = new List<ExpectedReply>();
        foreach (var message in history)
        {
            var result = merger.Apply(state, message);
            state = result.State;
            var context = new ReplyContext { SenderIsCoordinator = coordinators.Contains(message.SenderId), AcknowledgeEntries = acknowledge };
            var answers = BotReplies.For(message, result, context);
            for (int i = 0; i < answers.Length; i++)
            {
                replies.Add(new ExpectedReply(
                    message.MsgId + "#" + (i + 1).ToString(CultureInfo.InvariantCulture),
                    message.GroupId, message.MsgId, [.. answers[i].Mentions], answers[i].Text));
            }
        }
        return (state, replies);
    }

    /// The reply as the sink recorded it, in the oracle's shape, for whole-record comparison.
    public static ExpectedReply Of(PostedReply posted) => new(posted.ReplyId, posted.GroupId, posted.InReplyTo, posted.Mentions, posted.Text);
}
