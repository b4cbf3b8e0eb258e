namespace ChainBot.Core.Tests.Replies;

/// <summary>Pickup registration (领取登记): 到货, 已领, 12-301 已取, 12号楼全部已领, 未领, 3号楼未领 — what the group reads.</summary>
public class PickupReplyTests
{
    /// <summary>The vegetable chain with 团长 tz and the volunteer vol; 王阿姨 12-301 and 老王 12-902 in building 12.</summary>
    private static ReplyScript Group()
    {
        var group = Conversations.Vegetables(new ReplyScript(["tz"], ["vol"]));
        group.Post("wang2", "12号902 老王 1份");
        return group;
    }

    [Test]
    public void Delivery_from_the_coordinator_tells_the_group_how_to_register()
    {
        var group = Group();

        Assert.That(group.Say("tz", "到货"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】已到货，共6户待领取。
            领到后请发「已领」，帮邻居领发「12-301 已取」，发「未领」看还有谁没领。
            """));
    }

    [Test]
    public void Delivery_from_a_resident_is_refused_politely_and_twice_is_said_once()
    {
        var group = Group();

        Assert.That(group.Say("wang", "到货了"), Is.EqualTo("@wang\n只有团长可以登记到货哦。"));
        Assert.That(group.State.Chain(1).Delivered, Is.Null);
        group.Post("tz", "到货", at: "21:00");
        Assert.That(group.Say("tz", "到货"), Is.EqualTo("@tz\n【4月18日 天山三村 蔬菜套餐团购】已经登记到货了（4月18日 21:00）。"));
    }

    [Test]
    public void Own_pickup_confirms_by_address_and_a_second_one_says_when_it_was_registered()
    {
        var group = Group();
        group.Post("tz", "到货");

        Assert.That(group.Say("wang", "已领", at: "21:05"), Is.EqualTo("已登记 12号楼301 已领取"));
        Assert.That(group.Say("wang", "已领"), Is.EqualTo("12号楼301 之前已登记领取（4月18日 21:05）。"));
    }

    [Test]
    public void A_pickup_for_a_household_and_for_none()
    {
        var group = Group();
        group.Post("tz", "到货");

        Assert.That(group.Say("vol", "3-201 已取"), Is.EqualTo("已登记 3号楼201 已领取"));
        Assert.That(group.Say("vol", "3-999 已取"), Is.EqualTo("@vol\n【4月18日 天山三村 蔬菜套餐团购】里没有3-999要领的登记，请核对楼号房号。"));
        Assert.That(group.Say("stranger", "已领"), Is.EqualTo("@stranger\n没找到你在【4月18日 天山三村 蔬菜套餐团购】的登记；帮邻居登记请发「12-301 已取」。"));
    }

    [Test]
    public void A_whole_building_from_a_volunteer_and_a_refusal_for_a_resident()
    {
        var group = Group();
        group.Post("tz", "到货");

        Assert.That(group.Say("wang", "12号楼全部已领"), Is.EqualTo("@wang\n只有团长或楼组志愿者可以登记整栋楼已领哦，自己领到发「已领」就行。"));
        Assert.That(group.Say("vol", "12号楼全部已领"), Is.EqualTo("已登记 12号楼全部已领取，共2户"));
        Assert.That(group.Say("vol", "12号楼全部已领"), Is.EqualTo("12号楼之前都已登记领取了。"));
    }

    [Test]
    public void Uncollected_lists_per_building_with_rooms_and_shortened_names()
    {
        var group = Group();
        Assert.That(group.Say("li", "未领"), Is.EqualTo("【4月18日 天山三村 蔬菜套餐团购】还没有登记到货，团长发「到货」后再来看谁没领。"));
        group.Post("tz", "到货");
        group.Post("wang", "已领");
        group.Post("li", "已领");

        Assert.That(group.Say("chen", "未领"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】未领4户（已领2户）：
            3号楼 3户：201 陈**，1102 A**，2单元601 蒋*
            12号楼 1户：902 老*
            """));
        Assert.That(group.Say("chen", "3号楼未领"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】3号楼未领3户：
            201 陈**
            1102 A**
            2单元601 蒋*
            """));
        Assert.That(group.Say("chen", "15号楼未领"), Is.EqualTo("【4月18日 天山三村 蔬菜套餐团购】15号楼没有未领的。"));
    }

    [Test]
    public void When_everyone_collected_it_says_so()
    {
        var group = Group();
        group.Post("tz", "到货");
        foreach (string building in new[] { "3", "12", "15" })
            group.Post("tz", building + "号楼全部已领");

        Assert.That(group.Say("li", "未领"), Is.EqualTo("【4月18日 天山三村 蔬菜套餐团购】都已领取，共6户。"));
    }

    [Test]
    public void A_big_building_fits_the_phone_limits()
    {
        var group = new ReplyScript("tz");
        group.Post("tz", Conversations.Header + "1.");
        // 30 buildings of 4 households, and 12 in building 1: more lines than one message holds, and a long building.
        for (int building = 1; building <= 30; building++)
        {
            for (int floor = 1; floor <= (building == 1 ? 3 : 1); floor++)
            {
                for (int flat = 1; flat <= 4; flat++)
                    group.Post($"r{building}-{floor}{flat}", $"{building}号{floor}0{flat} 住户 1份");
            }
        }
        group.Post("tz", "到货");

        var replies = group.Post("li", "未领");

        Assert.That(replies, Has.Length.GreaterThan(1));
        Assert.That(replies.Select(reply => System.Text.Encoding.UTF8.GetByteCount(reply.Text)), Has.All.LessThanOrEqualTo(1800));
        Assert.That(replies.Select(reply => reply.Text.Split('\n').Length), Has.All.LessThanOrEqualTo(25));
        Assert.That(replies[0].Text, Does.StartWith("（1/"));
        Assert.That(string.Join("\n", replies.Select(r => r.Text)), Does.Contain("1号楼 12户：101 住*").And.Contain("（续）303 住*，304 住*").And.Contain("30号楼 4户：101 住*，102 住*，103 住*，104 住*"));
    }
}
