using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>
/// <c>导出</c>: the file for the supplier does not exist yet, and the answer says so rather than promise a link;
/// it points to what does work. Only for whoever runs the chain.
/// </summary>
internal static class ExportAnswer
{
    /// <summary>The answer to <c>导出</c>.</summary>
    public static Draft For(Exchange exchange, CommandReceived command)
    {
        if (exchange.Chain(command.Chain) is not { } chain)
            return Draft.Line(Phrases.NoChain, toSender: true);
        if (!exchange.Runs(chain))
            return Draft.Line("导出只对团长开放哦。", toSender: true);
        return Draft.Line("导出文件的功能还在开发中，暂时发不了文件。可以先发「统计」看汇总，发「3号楼」看各楼名单。", toSender: true);
    }
}
