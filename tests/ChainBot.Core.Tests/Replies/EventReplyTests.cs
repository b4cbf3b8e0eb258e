using ChainBot.Core.Merging;
using ChainBot.Core.Replies;
using ChainBot.Core.Tests.Merging;

namespace ChainBot.Core.Tests.Replies;

/// <summary>
/// What the bot says about what the merger did: lines it could not read, changes it refused, messages it could not
/// place, and (where wanted) what it registered; silence for everything else.
/// </summary>
public class EventReplyTests
{
    [Test]
    public void Unread_lines_are_told_to_their_sender_with_why_in_plain_words()
    {
        var group = Conversations.Vegetables();

        var replies = group.Post("zhou", Conversations.Chain("1. 12号301 王阿姨 1份", "2. 7号 903 周 2斤", "3. 韭菜 1份", "4. 8号 101 钱"));

        Assert.That(replies, Has.Length.EqualTo(1));
        Assert.That(replies[0].Mentions, Is.EqualTo(new[] { "zhou" }));
        Assert.That(replies[0].Text, Is.EqualTo("""
            有3行没看懂，麻烦改一下再发：
            「2. 7号 903 周 2斤」单位和商品对不上
            「3. 韭菜 1份」这次团购没有这个商品
            「4. 8号 101 钱」没写数量
            """));
    }

    [Test]
    public void Past_a_few_unread_lines_the_rest_are_counted()
    {
        var group = Conversations.Vegetables();

        string said = group.Say("zhou", Conversations.Chain("1. 12号301 王阿姨 1份", "2. 7号 903 周 2斤", "3. 7号 904 吴 3斤", "4. 7号 905 郑 4斤", "5. 7号 906 冯 5斤 13912345678"));

        Assert.That(said, Is.EqualTo("""
            @zhou
            有4行没看懂，麻烦改一下再发：
            「2. 7号 903 周 2斤」单位和商品对不上
            「3. 7号 904 吴 3斤」单位和商品对不上
            「4. 7号 905 郑 4斤」单位和商品对不上
            等4行
            """));
    }

    [TestCase("no quantity", "没写数量")]
    [TestCase("building not found", "没写楼号房号")]
    [TestCase("item not named", "没写是哪个商品")]
    [TestCase("item not in catalogue", "这次团购没有这个商品")]
    [TestCase("unit does not match the catalogue", "单位和商品对不上")]
    [TestCase("not a numbered entry", "不是编号的接龙行")]
    [TestCase("line too long", "这一行太长")]
    public void Every_unread_reason_has_plain_words(string reason, string words) =>
        Assert.That(UnreadAnswer.Why(reason), Is.EqualTo(words));

    [Test]
    public void A_change_to_someone_else_s_line_is_told_politely_by_address()
    {
        var group = Conversations.Vegetables();

        string said = group.Say("zhao", Conversations.Chain("1. 12号301 王阿姨 2份", "2. 15-502 李 2份", "3. 3号楼201 陈先生 1份", "4. 3-1102 Amy 2份（放门口）", "5. 3号楼2单元601 蒋 1份", "6. 12号602 赵 1份"));

        Assert.That(said, Is.EqualTo("@zhao\n12号楼301 这一行是别人登记的，你的修改先没有生效，已记下来请团长确认。"));
    }

    [Test]
    public void A_cancellation_of_someone_else_s_line_is_told_too()
    {
        var group = Conversations.Vegetables();

        Assert.That(group.Say("laoli", "15-502 不要了"), Is.EqualTo("@laoli\n15号楼502 这一行是别人登记的，你的取消先没有生效，已记下来请团长确认。"));
    }

    [Test]
    public void A_reply_that_fits_two_chains_asks_which_listing_them()
    {
        var group = TallyReplyTests.TwoChains();

        Assert.That(group.Say("sun", "3-402 孙 2"), Is.EqualTo("""
            @sun
            这条不知道是哪个接龙的，请写上商品名再发一次：
            【4月18日 天山三村 蔬菜套餐团购】：蔬菜套餐
            【4月19日 曹杨一村 砂糖橘团购】：广西砂糖橘
            """));
    }

    [Test]
    public void A_change_naming_no_household_asks_for_the_address()
    {
        var group = Conversations.Vegetables();

        Assert.That(group.Say("zhou", "我也要2份"), Is.EqualTo("@zhou\n没找到你的登记，请写上楼号房号和数量，例如：12号301 2份"));
        group.Post("wang", "12-302 王阿姨 1份"); // wang now has two lines
        Assert.That(group.Say("wang", "改成2份"), Is.EqualTo("@wang\n你登记了不止一行，不知道要改哪一行，请写上楼号房号，例如：12号301 改2份"));
    }

    [Test]
    public void Chain_posts_replies_and_chatter_are_answered_with_silence_by_default()
    {
        var group = new ReplyScript("tz");

        Assert.That(group.Post("tz", Conversations.Header + "1."), Is.Empty);
        Assert.That(group.Post("wang", Conversations.Chain("1. 12号301 王阿姨 1份")), Is.Empty);
        Assert.That(group.Post("li", "15-502 李 2份"), Is.Empty);
        Assert.That(group.Post("li", "15-502 李 改3份"), Is.Empty);
        Assert.That(group.Post("zhou", "请问几点送到？"), Is.Empty);
        Assert.That(group.Post("zhou", "👍"), Is.Empty);
    }

    [Test]
    public void With_acknowledgements_on_each_new_or_changed_line_is_confirmed_by_address()
    {
        var group = new ReplyScript("tz") { Context = new ReplyContext { AcknowledgeEntries = true } };
        group.Post("tz", Conversations.Header + "1.");

        Assert.That(group.Say("chen", Conversations.Chain("1. 3号楼201 陈先生 1份")), Is.EqualTo("已登记 3号楼201 1份"));
        Assert.That(group.Say("li", "15-502 李 2份"), Is.EqualTo("已登记 15号楼502 2份"));
        Assert.That(group.Say("li", "15-502 李 改3份"), Is.EqualTo("已修改 15号楼502 3份"));
        Assert.That(group.Say("chen", "3-201 取消"), Is.EqualTo("已取消 3号楼201"));
        Assert.That(group.Say("li", "15-502 李 改1份", at: "20:30"), Is.EqualTo("已收到 15号楼502 的修改（已过截止时间，待团长确认）"));
        Assert.That(group.Say("zhou", "7号1102 周 1份"), Is.EqualTo("已登记 7号楼1102 1份（已过截止时间，待团长确认）"));
        Assert.That(group.Post("zhou", "谢谢团长"), Is.Empty);
    }

    [Test]
    public void A_long_offline_block_is_acknowledged_a_few_lines_then_counted()
    {
        var group = new ReplyScript("tz") { Context = new ReplyContext { AcknowledgeEntries = true } };
        group.Post("tz", Conversations.Header + "1.");

        string said = group.Say("vol", "代登记：\n12号 101 王奶奶 1份\n12号 102 赵老伯 2份\n12号 103 钱阿婆 1份\n12号 104 孙奶奶 1份\n12号 105 周老伯 1份\n12号 106 吴阿婆 1份");

        Assert.That(said, Is.EqualTo("""
            已登记 12号楼101 1份
            已登记 12号楼102 2份
            已登记 12号楼103 1份
            已登记 12号楼104 1份
            已登记 12号楼105 1份
            等6条
            """));
    }

    [Test]
    public void A_message_delivered_twice_is_answered_once()
    {
        var script = new GroupScript(new ChainMerger(roles: GroupRoles.Of(["tz"])));
        script.Post("tz", Conversations.Header + "1. 12号301 王阿姨 1份");
        var first = script.Post("tz", "统计", msgId: "dup");
        var again = script.Post("tz", "统计", msgId: "dup");

        Assert.That(BotReplies.For(script.Messages[^2], first), Has.Length.EqualTo(1));
        Assert.That(BotReplies.For(script.Messages[^1], again), Is.Empty);
    }
}
