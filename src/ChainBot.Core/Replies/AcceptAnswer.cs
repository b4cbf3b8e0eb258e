using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary><c>接受</c> (or <c>接受 12-301</c>): how many late lines and late changes now count, or why none does.</summary>
internal static class AcceptAnswer
{
    /// <summary>The answer to <c>接受</c>.</summary>
    public static Draft For(Exchange exchange, CommandReceived command)
    {
        string? who = command.Command.Argument;
        if (exchange.First<LateAccepted>() is { } accepted)
        {
            if (accepted.Count == 0)
                return Draft.Line((who ?? string.Empty) + "没有待确认的迟到登记。");
            return Draft.Line("已接受" + (who is null ? string.Empty : who + "的") + ReplyFormat.Number(accepted.Count) + "条迟到登记，已计入统计。");
        }
        if (exchange.Chain(command.Chain) is not { } target)
            return Draft.Line(Phrases.NoChain, toSender: true);
        if (!exchange.Runs(target))
            return Draft.Line("只有团长可以接受迟到的登记哦。", toSender: true);
        return Draft.Line("没能接受迟到登记，请联系管理员核对团长设置。", toSender: true);
    }
}
