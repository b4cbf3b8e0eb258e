using System.Globalization;
using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>
/// <c>导出</c>: for whoever runs the chain, a download link of its workbook (供应商订单, 分楼清单, 收款, 待核对) that
/// expires; a resident is told it is for the coordinator. The link's workbook has no phone numbers: the group reads
/// the answer. Where the server offers no downloads, the answer says so and points to what does work.
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
        if (exchange.Context.ExportLinks is not { } links)
            return Draft.Line("导出文件的功能还在开发中，暂时发不了文件。可以先发「统计」看汇总，发「3号楼」看各楼名单。", toSender: true);
        var link = links(chain.Number);
        string title = string.IsNullOrEmpty(chain.Header.Title) ? "" : "「" + chain.Header.Title + "」";
        return Draft.Of(
            [
                $"接龙{chain.ChainId}{title}的表格（供应商订单、分楼清单、收款、待核对）：",
                link.Url,
                $"链接{Duration(link.Lifetime)}内有效，过期请再发「导出」。",
            ],
            toSender: true);
    }

    /// <summary>24小时, 90分钟, 2天: the lifetime as a coordinator reads it.</summary>
    internal static string Duration(TimeSpan lifetime) => lifetime switch
    {
        { TotalDays: >= 1 } when lifetime.TotalDays == Math.Floor(lifetime.TotalDays) && lifetime.TotalDays > 1 =>
            ((int)lifetime.TotalDays).ToString(CultureInfo.InvariantCulture) + "天",
        { TotalHours: >= 1 } when lifetime.TotalHours == Math.Floor(lifetime.TotalHours) =>
            ((int)lifetime.TotalHours).ToString(CultureInfo.InvariantCulture) + "小时",
        _ => Math.Max(1, (int)Math.Ceiling(lifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture) + "分钟",
    };
}
