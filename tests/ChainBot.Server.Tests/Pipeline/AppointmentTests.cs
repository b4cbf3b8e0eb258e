using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Pipeline;

/// <summary><c>设为团长 @名字</c> in the group: a coordinator names another, who may then close the chain; nobody else may.</summary>
public class AppointmentTests : ServerTestBase
{
    [Test]
    public async Task A_coordinator_names_another_who_may_then_close_the_chain()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink);
        var t = ChatMessage.Morning;
        ChatMessage[] messages =
        [
            new("a1", "g_appoint", "u_tz", "钱团长", t, "#接龙\n天山三村 蔬菜套餐团购\n68元/份\n截止时间：今晚8点\n\n1. 12号301 王阿姨 1份"),
            new("a2", "g_appoint", "u_li", "李姐", t.AddMinutes(1), "#接龙\n天山三村 蔬菜套餐团购\n68元/份\n截止时间：今晚8点\n\n1. 12号301 王阿姨 1份\n2. 15-502 李 2份"),
            new("a3", "g_appoint", "u_zhou", "周", t.AddMinutes(2), "设为团长 @周"),
            new("a4", "g_appoint", "u_tz", "钱团长", t.AddMinutes(3), "设为团长 @李姐"),
            new("a5", "g_appoint", "u_tz", "钱团长", t.AddMinutes(4), "设为团长 @没说过话的人"),
            new("a6", "g_appoint", "u_li", "李姐", t.AddMinutes(5), "截止"),
        ];
        foreach (var message in messages)
            await bot.PostAcceptedAsync(message);

        var refused = await sink.WaitForReplyAsync("the refusal", reply => reply.InReplyTo == "a3");
        var named = await sink.WaitForReplyAsync("the appointment", reply => reply.InReplyTo == "a4");
        var unknown = await sink.WaitForReplyAsync("the unknown name", reply => reply.InReplyTo == "a5");
        var closed = await sink.WaitForReplyAsync("the closing", reply => reply.InReplyTo == "a6");

        Assert.That(refused.Text, Is.EqualTo("只有团长可以设团长哦。"));
        Assert.That(named.Text, Is.EqualTo("已设「李姐」为团长。"));
        Assert.That(named.Mentions, Is.EqualTo(new[] { "u_tz" }));
        Assert.That(unknown.Text, Does.StartWith("没找到「没说过话的人」"));
        Assert.That(closed.Text, Does.Contain("已截止"));
        Assert.That(await bot.Store.CoordinatorsAsync("g_appoint"), Is.EqualTo(new[] { "u_li" }));
    }
}
