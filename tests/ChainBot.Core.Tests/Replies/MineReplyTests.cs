namespace ChainBot.Core.Tests.Replies;

/// <summary><c>我的</c>: the sender's own lines as the bot understood them, and those they added for neighbours.</summary>
public class MineReplyTests
{
    [Test]
    public void The_sender_s_line_with_its_note_and_status()
    {
        var group = Conversations.Vegetables();

        var replies = group.Post("amy", "我的");

        Assert.That(replies, Has.Length.EqualTo(1));
        Assert.That(replies[0].Mentions, Is.EqualTo(new[] { "amy" }));
        Assert.That(replies[0].Text, Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】你的登记：
            3号楼1102 Amy 2份（放门口）：有效
            """));
    }

    [Test]
    public void A_cancelled_line_says_so_and_a_phone_number_never_shows()
    {
        var group = Conversations.Vegetables();

        Assert.That(group.Say("sun", "我的"), Is.EqualTo("""
            @sun
            【4月18日 天山三村 蔬菜套餐团购】你的登记：
            3号楼402 孙：已取消
            """));
        Assert.That(group.Say("li", "我的"), Does.Not.Contain("5678").And.Contains("15号楼502 李 2份：有效"));
    }

    [Test]
    public void Lines_added_for_neighbours_are_labelled()
    {
        var group = Conversations.Vegetables();
        group.Post("vol", "代登记：\n12号 104 王奶奶 1份\n12号 203 赵老伯 2份");
        group.Post("vol", "15-701 小周 1份");

        Assert.That(group.Say("vol", "我的"), Is.EqualTo("""
            @vol
            【4月18日 天山三村 蔬菜套餐团购】你的登记：
            代登记 12号楼104 王奶奶 1份：有效
            代登记 12号楼203 赵老伯 2份：有效
            15号楼701 小周 1份：有效
            """));
    }

    [Test]
    public void Flags_are_said_in_plain_words()
    {
        var group = Conversations.Vegetables();
        group.Post("zhang", "12-301 张 2份"); // a second line for 12-301, from another phone
        group.Post("li", "15-502 李 改3份", at: "20:30"); // after the deadline
        group.Post("zhou", "7号1102 周 1份");

        Assert.That(group.Say("zhang", "我的"), Does.EndWith("12号楼301 张 2份：同一户还有另一行，都计入，待团长核对"));
        Assert.That(group.Say("li", "我的"), Does.EndWith("15号楼502 李 2份：截止后改为 3份，待团长确认"));
        Assert.That(group.Say("zhou", "我的"), Does.EndWith("7号楼1102 周 1份：迟到，待团长确认"));
        group.Post("tz", "接受");
        Assert.That(group.Say("zhou", "我的"), Does.EndWith("7号楼1102 周 1份：迟到，团长已接受"));
    }

    [Test]
    public void Someone_else_s_change_to_the_line_is_said_to_have_failed()
    {
        var group = Conversations.Vegetables();
        group.Post("zhao", "12-301 取消");

        Assert.That(group.Say("wang", "我的"), Does.EndWith("12号楼301 王阿姨 1份：别人改过这一行，没有生效，按你写的算"));
    }

    [Test]
    public void No_line_yet_says_how_to_write_one()
    {
        var group = Conversations.Vegetables();

        Assert.That(group.Say("he", "我的"), Is.EqualTo("""
            @he
            【4月18日 天山三村 蔬菜套餐团购】里还没有你的登记。接龙请写楼号房号和数量，例如：12号301 2份
            """));
    }
}
