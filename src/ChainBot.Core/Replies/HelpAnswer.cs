namespace ChainBot.Core.Replies;

/// <summary><c>帮助</c>: what the bot answers to, one command a line.</summary>
internal static class HelpAnswer
{
    /// <summary>The answer to <c>帮助</c>.</summary>
    public static Draft For() => Draft.Of(
    [
        "接龙小助手，可以发：",
        "统计 — 各商品、各楼的数量",
        "3号楼 — 这栋楼的名单（也可以发 3号楼2单元）",
        "我的 — 看看我登记的内容",
        "截止 — 团长截止接龙",
        "接受 — 团长把迟到的登记计入",
        "到货 — 团长通知到货；领到后发「已领」，帮邻居发「12-301 已取」",
        "未领 — 还有谁没领（也可以发 3号楼未领）",
        "台账 配药 — 团长查看配药、行动不便、外出等登记的最新名单（发「台账」看有哪些）",
        "设为团长 @名字 — 团长再指定一位团长",
        "导出 — 团长导出订单（开发中）",
        "接龙照常复制加上自己的一行就行；改数量发「12-301 改2份」，不要了发「12-301 取消」。",
    ]);
}
