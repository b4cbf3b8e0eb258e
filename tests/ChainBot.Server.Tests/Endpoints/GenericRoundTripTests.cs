using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Endpoints;

/// The generic channel end to end: a bridge posts signed messages, the bot acknowledges them once they are on disk,
/// processes them, and posts its answers, signed, to the bridge's reply URL.
public class GenericRoundTripTests : ServerTestBase
{
    [Test]
    public async Task A_chain_post_and_a_tally_command_come_back_as_the_tally_reply()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink, "ChainBot:Groups:g_round:Coordinators:0=" + Conversation.Coordinator);
        var group = new Conversation("g_round", "round");
        var messages = group.OpenedCopiedTwiceAndTallied();

        foreach (var message in messages)
            Assert.That(await bot.PostAcceptedAsync(message), Is.EqualTo("accepted"));
        var tally = await sink.WaitForReplyAsync("the 统计 reply", reply => reply.InReplyTo == messages[3].MsgId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tally.ReplyId, Is.EqualTo(messages[3].MsgId + "#1"));
            Assert.That(tally.GroupId, Is.EqualTo("g_round"));
            Assert.That(tally.Mentions, Is.Empty, "a tally is for the whole group");
            Assert.That(tally.Text, Does.StartWith("【4月18日 天山三村 蔬菜套餐团购】"));
            Assert.That(tally.Text, Does.Contain("共2户"));
            Assert.That(tally.Text, Does.Contain("蔬菜套餐 3份，¥204"), "the coordinator sees money");
            Assert.That(ExpectedReplies.Of(tally).ToString(), Is.EqualTo(
                ExpectedReplies.For(messages.Select(m => m.ToIncoming()), [Conversation.Coordinator]).Single().ToString()));
        }
        await bot.WaitIdleAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Posted, Has.Count.EqualTo(1), "chain posts are answered with silence");
            Assert.That(sink.Requests.All(r => r.SignatureValid), Is.True, "every reply is signed with the shared secret");
            Assert.That(sink.Posted.Single().Deliveries, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_line_that_cannot_be_read_is_told_to_its_sender_once()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink);
        var group = new Conversation("g_unread", "unread");
        var open = group.Say(Conversation.Coordinator, Conversation.Header + "1.");
        var unread = group.Say("u_zhou", Conversation.Chain("1. 12号301 王阿姨 1份", "2. 7号 903 周 2斤"));
        var later = group.Say("u_wu", Conversation.Chain("1. 12号301 王阿姨 1份", "2. 7号 903 周 2斤", "3. 7号 303 吴阿姨 1份"));
        var tally = group.Say("u_wu", "统计");

        await bot.PostAcceptedAsync(open);
        await bot.PostAcceptedAsync(unread);
        Assert.That(await bot.PostAcceptedAsync(unread), Is.EqualTo("duplicate"), "a bridge delivering it again");
        await bot.PostAcceptedAsync(later);
        await bot.PostAcceptedAsync(tally);
        await sink.WaitForReplyAsync("the 统计 reply", reply => reply.InReplyTo == tally.MsgId);
        await bot.WaitIdleAsync();

        var told = sink.Posted.Where(reply => reply.InReplyTo == unread.MsgId).ToList();
        Assert.That(told, Has.Count.EqualTo(1), "told once, though delivered twice");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(told[0].ReplyId, Is.EqualTo(unread.MsgId + "#1"));
            Assert.That(told[0].Mentions, Is.EqualTo(new[] { "u_zhou" }), "the sender, by id");
            Assert.That(told[0].Text, Is.EqualTo("有一行没看懂，麻烦改一下再发：\n「2. 7号 903 周 2斤」单位和商品对不上"));
            Assert.That(told[0].Deliveries, Is.EqualTo(1));
            Assert.That(sink.Posted.Select(r => ExpectedReplies.Of(r).ToString()), Is.EqualTo(
                ExpectedReplies.For([open.ToIncoming(), unread.ToIncoming(), later.ToIncoming(), tally.ToIncoming()]).Select(r => r.ToString())));
        }
    }
}
