using System.Globalization;
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
        };
        var replies = BotReplies.For(message, result, context);
        // An Official Account answers one user, through the customer-service API: the route names them.
        string route = record.Channel.StartsWith("wechat:", StringComparison.Ordinal) ? record.Channel + ":" + message.SenderId : record.Channel;
        for (int i = 0; i < replies.Length; i++)
        {
            // Message ids are unique within a channel only: a reply id names the channel too, except the bridge's own.
            string replyId = (record.Channel == Endpoints.GenericEndpoint.Channel ? "" : record.Channel + "/")
                + message.MsgId + "#" + (i + 1).ToString(CultureInfo.InvariantCulture);
            yield return new OutboxReply(replyId, route, message.GroupId, message.MsgId, replies[i].Mentions, replies[i].Text);
        }
    }
}
