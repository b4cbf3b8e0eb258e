using ChainBot.Core.Chains;
using ChainBot.Core.Merging;

namespace ChainBot.Core.Tests.Merging;

/// <summary>Pickup registration (领取登记) in the merger: who may do what, what is kept, and that nothing is done twice.</summary>
public class PickupMergerTests
{
    private const string Chain = """
        #接龙
        4月18日 天山三村 蔬菜套餐团购
        68元/份
        例：12号 301 张三 2份
        1. 12号301 王阿姨 1份
        2. 12号402 孙 1份
        3. 3号201 陈 2份
        """;

    private static readonly HouseholdId Wang = new(null, "12", null, "301", null, null);
    private static readonly HouseholdId Sun = new(null, "12", null, "402", null, null);
    private static readonly HouseholdId Chen = new(null, "3", null, "201", null, null);

    private static GroupScript Group()
    {
        var group = new GroupScript(new ChainMerger(roles: GroupRoles.Of(["tz"], ["vol"])));
        group.Post("tz", Chain);
        return group;
    }

    [Test]
    public void Delivery_by_the_coordinator_is_kept_with_who_and_when()
    {
        var group = Group();

        var result = group.Post("tz", "到货", at: "18:00");

        Assert.That(result.Events.OfType<Delivered>().Single().Chain, Is.EqualTo(1));
        Assert.That(group.Chain().Delivered, Is.EqualTo(new Provenance("m2", "tz", "TZ", group.Time)));
    }

    [Test]
    public void Delivery_by_a_resident_changes_nothing()
    {
        var group = Group();
        var before = group.State.Chain(1);

        var result = group.Post("wang", "到货");

        Assert.That(result.Events.OfType<Delivered>(), Is.Empty);
        Assert.That(group.Chain(), Is.SameAs(before));
    }

    [Test]
    public void A_duplicate_delivery_changes_nothing()
    {
        var group = Group();
        group.Post("tz", "到货", msgId: "d1");
        group.Post("wang", "已领");
        var state = group.State;

        var again = group.Send(group.Messages[^2]);
        var second = group.Post("tz", "到货");

        Assert.That(again.Events, Is.EqualTo(new[] { new MessageIgnored("d1", "duplicate") }));
        Assert.That(again.State, Is.SameAs(state));
        Assert.That(second.Events.OfType<Delivered>(), Is.Empty);
        Assert.That(group.Chain(), Is.SameAs(state.Chain(1)));
        Assert.That(group.Chain().Delivered!.MsgId, Is.EqualTo("d1"));
    }

    [Test]
    public void Own_pickup_registers_the_senders_households()
    {
        var group = Group();
        group.Post("zhao", "12号501 赵 1份");
        group.Post("tz", "到货");

        var result = group.Post("zhao", "已领", msgId: "p1");

        var zhao = new HouseholdId(null, "12", null, "501", null, null);
        Assert.That(result.Events.OfType<PickedUp>().Single().Households, Is.EqualTo(new[] { zhao }));
        Assert.That(group.Chain().PickedUp.Keys, Is.EquivalentTo(new[] { zhao }));
        Assert.That(group.Chain().PickedUp[zhao].SenderId, Is.EqualTo("zhao"));
    }

    [Test]
    public void A_volunteer_registers_a_neighbours_pickup_and_the_first_registration_stands()
    {
        var group = Group();
        group.Post("tz", "到货");

        var first = group.Post("vol", "12-402 已取", msgId: "p1");
        var second = group.Post("sun", "12号402 已领", msgId: "p2");

        Assert.That(first.Events.OfType<PickedUp>().Single().Count, Is.EqualTo(1));
        Assert.That(second.Events.OfType<PickedUp>().Single().Already, Is.EqualTo(new[] { Sun }));
        Assert.That(group.Chain().PickedUp[Sun].MsgId, Is.EqualTo("p1"));
        Assert.That(group.Chain().PickedUp[Sun].SenderId, Is.EqualTo("vol"));
    }

    [Test]
    public void A_whole_building_by_a_volunteer_but_not_by_a_resident()
    {
        var group = Group();
        group.Post("tz", "到货");

        var refused = group.Post("chen", "12号楼全部已领");
        var done = group.Post("vol", "12号楼全部已领");

        Assert.That(refused.Events.OfType<PickedUp>(), Is.Empty);
        Assert.That(done.Events.OfType<PickedUp>().Single().Households, Is.EquivalentTo(new[] { Wang, Sun }));
        Assert.That(group.Chain().Uncollected().Select(e => e.Entry.Household), Is.EqualTo(new[] { Chen }));
    }

    [Test]
    public void Uncollected_is_every_counting_household_not_yet_registered()
    {
        var group = Group();
        group.Post("tz", "到货");
        group.Post("vol", "3-201 已取");

        var result = group.Post("li", "未领");

        Assert.That(result.Events.OfType<PickedUp>(), Is.Empty);
        Assert.That(group.Chain().Uncollected().Select(e => e.Entry.Household), Is.EqualTo(new[] { Wang, Sun }));
    }

    [Test]
    public void A_pickup_before_delivery_is_recorded()
    {
        var group = Group();

        group.Post("vol", "12-301 已取");

        Assert.That(group.Chain().Delivered, Is.Null);
        Assert.That(group.Chain().PickedUp.Keys, Is.EquivalentTo(new[] { Wang }));
    }

    [Test]
    public void Pickups_survive_a_replay_of_the_history()
    {
        var group = Group();
        group.Post("tz", "到货");
        group.Post("vol", "12-301 已取");
        group.Post("vol", "3号楼全部已领");

        var replayed = new ChainMerger(roles: GroupRoles.Of(["tz"], ["vol"])).Replay(group.Messages);

        Assert.That(replayed.Chain(1).PickedUp, Is.EquivalentTo(group.Chain().PickedUp));
        Assert.That(replayed.Chain(1).Delivered, Is.EqualTo(group.Chain().Delivered));
    }
}
