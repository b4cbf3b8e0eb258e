using ChainBot.Core.Merging;
using ChainBot.Server.Pipeline;
using ChainBot.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainBot.Server.Tests.Dashboard;

/// Two groups with a chain each, posted through the generic webhook as a bridge would, and the dashboard's tokens:
/// one for every group, one for group A only.
internal static class DashboardScenario
{
    public const string GroupA = "g_dash_a";
    public const string GroupB = "g_dash_b";
    public const string TitleB = "4月19日 曹杨一村 砂糖橘团购";
    public const string TokenAll = "dashboard-token-every-group-0001";
    public const string TokenA = "dashboard-token-only-group-a-002";

    /// A line no one should see raw: markup, quotes, a right-to-left override; its unit makes it a line to check.
    public const string Hostile = "7号 903 周<script>alert(\"x\")</script>'\u202Eabc 2斤";

    public static readonly string[] Configuration =
    [
        "ChainBot:Groups:" + GroupA + ":Coordinators:0=" + Conversation.Coordinator,
        "ChainBot:Dashboard:Tokens:0:Token=" + TokenAll,
        "ChainBot:Dashboard:Tokens:1:Token=" + TokenA,
        "ChainBot:Dashboard:Tokens:1:Groups:0=" + GroupA,
    ];

    /// Group A: three households in two buildings, one with a phone number, a hostile unreadable line, 到货, one 已领.
    /// Group B: one household. Returns once every message is processed.
    public static async Task PostAsync(BotHost bot)
    {
        var a = new Conversation(GroupA, "dash-a");
        string[] lines = ["1. 12号301 王阿姨 1份", "2. 15-502 李 2份 13812345678", "3. 12号 602 赵阿姨 2份"];
        ChatMessage[] messages =
        [
            a.Say(Conversation.Coordinator, Conversation.Header + "1."),
            a.Say("u_wang", Conversation.Chain(lines[0])),
            a.Say("u_li", Conversation.Chain(lines[0], lines[1])),
            a.Say("u_zhao", Conversation.Chain(lines[0], lines[1], lines[2])),
            a.Say("u_zhou", Conversation.Chain(lines[0], lines[1], lines[2], "4. " + Hostile)),
            a.Say(Conversation.Coordinator, "到货"),
            a.Say("u_wang", "已领"),
        ];
        var b = new Conversation(GroupB, "dash-b");
        messages = [.. messages, b.Say("u_b", "#接龙\n" + TitleB + "\n砂糖橘 45元/箱\n截止时间：今晚8点\n\n1. 3号 201 孙 1箱")];
        foreach (var message in messages)
            await bot.PostAcceptedAsync(message);
        await bot.WaitIdleAsync();
    }

    /// The group's state as the server holds it.
    public static Task<GroupState> StateAsync(BotHost bot, string groupId) =>
        bot.App.Services.GetRequiredService<GroupDirectory>().StateAsync(groupId, CancellationToken.None);

    /// The dashboard's address with a token (none for null).
    public static string Url(string path, string? token) =>
        token is null ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}token={Uri.EscapeDataString(token)}";
}
