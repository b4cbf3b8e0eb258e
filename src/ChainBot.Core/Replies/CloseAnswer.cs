using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>
/// <c>截止</c>: when the merger closed the chain, say so and give its final totals (the coordinator's view, money
/// included); otherwise say why not, politely — the chain was closed already, or only its coordinator may close it.
/// </summary>
internal static class CloseAnswer
{
    /// <summary>The answer to <c>截止</c>.</summary>
    public static Draft For(Exchange exchange, CommandReceived command)
    {
        if (exchange.First<ChainClosed>() is { } closed && exchange.Chain(closed.Chain) is { } chain)
        {
            int reports = Attention.ReportsSince(exchange.State, chain.OpenedBy.Time);
            string said = ReplyFormat.Title(chain) + "已截止，之后再接的算迟到，团长发「接受」才计入。最终统计：";
            return Draft.Of([said, .. TallyAnswer.Body(chain, money: true, reports)]);
        }
        if (exchange.Chain(command.Chain) is not { } target)
            return Draft.Line("现在没有可以截止的接龙。", toSender: true);
        if (!exchange.Runs(target))
            return Draft.Line("只有团长可以截止接龙哦。", toSender: true);
        if (target.Closed)
            return Draft.Line(ReplyFormat.Title(target) + "已经截止了。", toSender: true);
        // Runs the chain by the server's roles but not the merger's: nothing was closed, and saying so is honest.
        return Draft.Line(ReplyFormat.Title(target) + "没能截止，请联系管理员核对团长设置。", toSender: true);
    }
}
