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
        Assert.That((await bot.Store.CoordinatorsAsync("g_appoint")).Select(c => c.SenderId), Is.EqualTo(new[] { "u_li" }));
    }

    [Test]
    public async Task After_a_restart_the_history_replays_with_the_roles_it_had_at_each_message()
    {
        var sink = await StartSinkAsync();
        var first = await StartBotAsync(sink);
        var t = ChatMessage.Morning;
        const string Header = "#接龙\n天山三村 蔬菜套餐团购\n68元/份\n截止时间：今晚8点\n\n";
        ChatMessage[] before =
        [
            new("r1", "g_roles", "u_tz", "钱团长", t, Header + "1. 12号301 王阿姨 1份"),
            new("r2", "g_roles", "u_wang", "王阿姨", t.AddMinutes(1), Header + "1. 12号301 王阿姨 1份\n2. 15-502 李 2份"),
            new("r3", "g_roles", "u_li", "李姐", t.AddMinutes(2), Header + "1. 12号301 王阿姨 1份\n2. 15-502 李 5份"), // not hers yet: a conflict
            new("r4", "g_roles", "u_tz", "钱团长", t.AddMinutes(3), "设为团长 @李姐"),
            new("r5", "g_roles", "u_li", "李姐", t.AddMinutes(4), Header + "1. 12号301 王阿姨 1份\n2. 15-502 李 3份"), // now allowed
            new("r6", "g_roles", "u_tz", "钱团长", t.AddMinutes(5), "统计"),
        ];
        foreach (var message in before)
            await first.PostAcceptedAsync(message);
        var tally = await sink.WaitForReplyAsync("the first tally", reply => reply.InReplyTo == "r6");
        await first.WaitIdleAsync();
        await first.StopAsync();

        var second = await StartBotAsync(sink);
        await second.PostAcceptedAsync(new("r7", "g_roles", "u_tz", "钱团长", t.AddMinutes(6), "统计"));
        var again = await sink.WaitForReplyAsync("the tally after the restart", reply => reply.InReplyTo == "r7");

        Assert.That(tally.Text, Does.Contain("3份").And.Contain("需团长处理"));
        Assert.That(again.Text, Is.EqualTo(tally.Text), "the restarted bot rebuilt the same state, the refused change included");
    }
}
