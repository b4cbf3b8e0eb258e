using ChainBot.Core.Chains;
using ChainBot.Core.Parsing;

namespace ChainBot.Core.Tests.Parsing;

/// <summary>Messages that answer a chain rather than copy it, read with that chain's header.</summary>
public class ParseReplyTests
{
    private static readonly ChainHeader Dairy = ChainText.Parse("""
        光明乳品团购
        A. 鸡蛋 30枚/盒 25元/盒
        B. 牛奶 250ml*24盒/箱 68元/箱

        1. 12-301 王 A1
        """).Header;

    [Test]
    public void A_resident_s_own_line_without_a_number()
    {
        var reply = ChainParser.Default.ParseReply("15-502 李 牛奶2箱（放门口）", Dairy);

        var entry = reply.Entries.Single();
        Assert.That((entry.Address.Building, entry.Address.Room, entry.Name, entry.Note), Is.EqualTo(("15", "502", "李", "放门口")));
        Assert.That(entry.Items, Is.EqualTo(new[] { new ItemQuantity("牛奶", 2, "箱") }));
        Assert.That(reply.Unread, Is.Empty);
    }

    [Test]
    public void A_change_that_names_no_household_is_still_read()
    {
        var entry = ChainParser.Default.ParseReply("改成鸡蛋2盒", Dairy).Entries.Single();

        Assert.That(entry.Address.IsEmpty && entry.Name is null, Is.True);
        Assert.That(entry.IsCorrection, Is.True);
        Assert.That(entry.Items, Is.EqualTo(new[] { new ItemQuantity("鸡蛋", 2, "盒") }));
    }

    [Test]
    public void A_volunteer_s_block_gives_one_entry_a_line_on_the_neighbours_behalf()
    {
        var reply = ChainParser.Default.ParseReply("代登记：\n5-102 王奶奶 鸡蛋2盒\n（下午送）\n6-301 李阿婆 牛奶1箱", Dairy);

        Assert.That(reply.Entries.Select(e => (e.Address.Room, e.Name, e.OnBehalf, e.Note)),
            Is.EqualTo(new[] { ("102", "王奶奶", true, "下午送"), ("301", "李阿婆", true, (string?)null) }));
    }

    [TestCase("帮楼里老人接龙：")]
    [TestCase("帮邻居登记:")]
    [TestCase("替老人报名：")]
    [TestCase("线下登记（老人不会用手机）：")]
    public void A_volunteer_s_block_may_say_in_its_own_words_that_the_lines_are_for_others(string label)
    {
        var reply = ChainParser.Default.ParseReply(label + "\n5-102 王奶奶 鸡蛋2盒\n6-301 李阿婆 牛奶1箱", Dairy);

        Assert.That(reply.Unread, Is.Empty);
        Assert.That(reply.Entries.Select(e => (e.Address.Room, e.OnBehalf)), Is.EqualTo(new[] { ("102", true), ("301", true) }));
    }

    [Test]
    public void A_copy_that_lost_its_header_is_read_with_the_chain_s_catalogue()
    {
        var post = ChainParser.Default.ParseUnder("1. 12-301 王 A1\n2. 15-502 李 B2\n谢谢团长", Dairy);

        Assert.That(post.Entries.Select(e => e.Items.Single().Item), Is.EqualTo(new[] { "鸡蛋", "牛奶" }));
        Assert.That(post.Header, Is.SameAs(Dairy));
    }
}
