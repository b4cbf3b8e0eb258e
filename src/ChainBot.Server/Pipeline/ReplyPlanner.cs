using System.Globalization;
using ChainBot.Core.Ledgers;
using ChainBot.Core.Merging;
using ChainBot.Core.Replies;
using ChainBot.Storage;

namespace ChainBot.Server.Pipeline;

/// <summary>
/// Turns what a message did into the replies the bot owes the group (<see cref="BotReplies"/>), addressed to the
/// channel the message came from, each with a stable id (the message's id and the part's number), so a message
/// processed again after a crash queues nothing twice and a bridge can ignore a reply it has posted.
/// </summary>
internal static class ReplyPlanner
{
    public static IEnumerable<OutboxReply> Plan(InboxRecord record, MergeResult result, GroupContext group)
    {
        var message = record.Message;
        var context = new ReplyContext
        {
            SenderIsCoordinator = group.Roles.Coordinators.Contains(message.SenderId),
            AcknowledgeEntries = group.Options.Acknowledge,
            Compound = group.Compound,
            Ledgers = LedgerCatalog.Default.With(group.Options.Ledgers),
        };
        var replies = BotReplies.For(message, result, context);
        for (int i = 0; i < replies.Length; i++)
            yield return new OutboxReply(ReplyId(record, (i + 1).ToString(CultureInfo.InvariantCulture)), Route(record), message.GroupId, message.MsgId, replies[i].Mentions, replies[i].Text);
    }

    /// <summary>An answer the server itself gives (<c>设为团长</c>), to the sender.</summary>
    public static OutboxReply Answer(InboxRecord record, string text) =>
        new(ReplyId(record, "answer"), Route(record), record.Message.GroupId, record.Message.MsgId, [record.Message.SenderId], text);

    /// <summary>Message ids are unique within a channel only: a reply id names the channel too, except the bridge's own.</summary>
    private static string ReplyId(InboxRecord record, string part) =>
        (record.Channel == Endpoints.GenericEndpoint.Channel ? "" : record.Channel + "/") + record.Message.MsgId + "#" + part;

    /// <summary>An Official Account answers one user, through the customer-service API: the route names them.</summary>
    private static string Route(InboxRecord record) =>
        record.Channel.StartsWith("wechat:", StringComparison.Ordinal) ? record.Channel + ":" + record.Message.SenderId : record.Channel;
}
