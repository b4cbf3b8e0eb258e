using ChainBot.Core.Chains;
using ChainBot.Core.Commands;
using ChainBot.Core.Merging;

namespace ChainBot.Core.Tests.Merging;

public class ChainMergerTests
{
    private const string Header = """
        #接龙
        4月18日 天山三村 蔬菜套餐团购
        规格：每份约5斤，68元/份
        截止时间：今晚8点
        例：12号 301 张三 2份

        """;

    private const string Line1 = "1. 12号301 王阿姨 1份";
    private const string Line2 = "2. 15-502 李 2份";
    private const string Line3 = "3. 3号楼201 陈先生 1份";

    private static string Chain(params string[] lines) => Header + string.Join("\n", lines);

    [Test]
    public void A_chain_growing_by_copies_keeps_each_line_once_owned_by_who_added_it()
    {
        var group = new GroupScript();
        var opened = group.Post("wang", Chain(Line1));
        group.Post("li", Chain(Line1, Line2));
        group.Post("chen", Chain(Line1, Line2, Line3));

        Assert.That(opened.Events, Has.One.InstanceOf<ChainOpened>());
        Assert.That(group.State.Chains, Has.Count.EqualTo(1));
        Assert.That(group.Dump(), Is.EqualTo("""
            1|12-301|王阿姨|蔬菜套餐=1份|active|wang|
            2|15-502|李|蔬菜套餐=2份|active|li|
            3|3-201|陈先生|蔬菜套餐=1份|active|chen|
            """));
        Assert.That(group.Chain().Tally().Total.Amount, Is.EqualTo(4 * 68m));
        Assert.That(group.Chain().OpenedBy.SenderId, Is.EqualTo("wang"));
    }

    [Test]
    public void Two_copies_of_one_version_both_keep_their_lines_whatever_their_numbers()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        group.Post("li", Chain(Line1, "2. 15-502 李 2份"));
        group.Post("chen", Chain(Line1, "2. 3号楼201 陈先生 1份"));
        group.Post("zhou", Chain(Line1, "2. 15-502 李 2份", "2. 3号楼201 陈先生 1份", "4. 7号1102 周 两份"));

        Assert.That(group.Dump(), Is.EqualTo("""
            1|12-301|王阿姨|蔬菜套餐=1份|active|wang|
            2|15-502|李|蔬菜套餐=2份|active|li|
            3|3-201|陈先生|蔬菜套餐=1份|active|chen|
            4|7-1102|周|蔬菜套餐=2份|active|zhou|
            """));
    }

    [Test]
    public void A_fork_drops_nothing_but_a_copy_that_leaves_out_a_line_it_saw_past_flags_it()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        group.Post("li", Chain(Line1, Line2));
        group.Post("chen", Chain(Line1, "2. 3号楼201 陈先生 1份")); // copied wang's version at the same time as li

        Assert.That(group.Dump(), Does.Not.Contain("missing-from-latest"));

        // zhou copies chen's copy: the version people now copy has lost li's line, which came before chen's.
        group.Post("zhou", Chain(Line1, "2. 3号楼201 陈先生 1份", "3. 7号1102 周 两份"));
        Assert.That(group.Dump(), Does.Contain("2|15-502|李|蔬菜套餐=2份|active|li|missing-from-latest"));

        // zhao puts li's line back and leaves out chen's, which zhou's copy carried.
        group.Post("zhao", Chain(Line1, Line2, "3. 7号1102 周 两份", "4. 8-101 赵 1份"));
        Assert.That(group.Dump(), Is.EqualTo("""
            1|12-301|王阿姨|蔬菜套餐=1份|active|wang|
            2|15-502|李|蔬菜套餐=2份|active|li|
            3|3-201|陈先生|蔬菜套餐=1份|active|chen|missing-from-latest
            4|7-1102|周|蔬菜套餐=2份|active|zhou|
            5|8-101|赵|蔬菜套餐=1份|active|zhao|
            """));
        Assert.That(group.Chain().Tally().Total.Households, Is.EqualTo(5), "a dropped line still counts");
    }

    [Test]
    public void A_line_that_only_came_by_a_reply_is_not_missing_from_copies()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        group.Post("li", "15-502 李 2份");
        group.Post("chen", Chain(Line1, Line3));

        Assert.That(group.Dump(), Does.Not.Contain("missing-from-latest"));
    }

    [Test]
    public void An_owner_changes_their_line_in_a_copy_and_anyone_else_only_records_a_conflict()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        group.Post("li", Chain(Line1, Line2));
        var own = group.Post("li", Chain(Line1, "2. 15-502 李 3份"));
        var other = group.Post("chen", Chain("1. 12号301 王阿姨 5份", "2. 15-502 李 3份", Line3));

        Assert.That(own.Events, Has.One.InstanceOf<EntryChanged>());
        Assert.That(other.Events, Has.One.InstanceOf<ChangeRefused>().And.One.InstanceOf<EntryAdded>());
        Assert.That(group.Dump(), Is.EqualTo("""
            1|12-301|王阿姨|蔬菜套餐=1份|active|wang|conflict
            2|15-502|李|蔬菜套餐=3份|active|li|
            3|3-201|陈先生|蔬菜套餐=1份|active|chen|
            """));
        var conflict = group.Chain().Conflicts.Single();
        Assert.That((conflict.EntryId, conflict.By.SenderId, conflict.Line, conflict.Reason),
            Is.EqualTo((1, "chen", "1. 12号301 王阿姨 5份", ConflictReasons.NotTheOwner)));
        Assert.That(group.Chain().Entry(2).Changed?.SenderId, Is.EqualTo("li"));
        Assert.That(group.Chain().Entry(2).Added.MsgId, Is.EqualTo("m2"));
    }

    [Test]
    public void A_coordinator_may_change_anyone_s_line()
    {
        var group = new GroupScript(new ChainMerger(roles: GroupRoles.Of(["tuan"])));
        group.Post("wang", Chain(Line1));
        group.Post("tuan", Chain("1. 12号301 王阿姨 2份"));

        Assert.That(group.Dump(), Is.EqualTo("1|12-301|王阿姨|蔬菜套餐=2份|active|wang|"));
        Assert.That(group.Chain().Entry(1).Changed?.SenderId, Is.EqualTo("tuan"));
    }

    [Test]
    public void Cancellations_by_their_owners_in_a_copy_or_a_short_message()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        group.Post("li", Chain(Line1, Line2));
        group.Post("chen", Chain(Line1, Line2, Line3));
        group.Post("wang", Chain("1. 12号301 王阿姨 取消", Line2, Line3));
        group.Post("li", "15-502 不要了");
        var mine = group.Post("chen", "我的改成2份");

        Assert.That(mine.Events, Has.One.InstanceOf<EntryChanged>());
        Assert.That(group.Dump(), Is.EqualTo("""
            1|12-301|王阿姨|蔬菜套餐=1份|cancelled|wang|
            2|15-502|李|蔬菜套餐=2份|cancelled|li|
            3|3-201|陈先生|蔬菜套餐=2份|active|chen|
            """));
        Assert.That(group.Chain().Tally().Total.Households, Is.EqualTo(1));
    }

    [Test]
    public void A_cancellation_by_someone_else_is_a_conflict()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        group.Post("li", Chain(Line1, Line2));
        var result = group.Post("chen", "12-301 取消");

        Assert.That(result.Events, Has.One.InstanceOf<ChangeRefused>());
        Assert.That(group.Dump(), Does.StartWith("1|12-301|王阿姨|蔬菜套餐=1份|active|wang|conflict"));
        Assert.That(group.Chain().Conflicts.Single().Reason, Is.EqualTo(ConflictReasons.CancelledByOther));
    }

    [Test]
    public void A_short_reply_joins_the_one_open_chain()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        var reply = group.Post("li", "15-502 李 2份");
        var again = group.Post("li", "@ChainBot\u200515-502 李 2份"); // said again, to the bot: nothing new

        Assert.That(reply.Events, Has.One.InstanceOf<EntryAdded>());
        Assert.That(again.Events, Is.Empty);
        Assert.That(group.Chain().Entry(2).Changed, Is.Null);
        Assert.That(group.Dump(), Is.EqualTo("""
            1|12-301|王阿姨|蔬菜套餐=1份|active|wang|
            2|15-502|李|蔬菜套餐=2份|active|li|
            """));
    }

    [Test]
    public void With_two_chains_open_a_reply_goes_to_the_one_whose_items_it_names_or_is_reported()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        group.Post("tuan", """
            #接龙
            五常大米团购
            五常大米 10斤/袋 45元/袋
            截止时间：今晚8点

            1. 8号1101 陈 大米1袋
            """);
        var named = group.Post("li", "15-502 李 大米2袋");
        var ambiguous = group.Post("zhou", "7-1102 周 2");
        var fits = group.Post("zhao", "8-101 赵 蔬菜套餐1份");

        Assert.That(named.Events.OfType<EntryAdded>().Single().Chain, Is.EqualTo(2), string.Join("; ", named.Events) + "\n" + GroupScript.Dump(group.Chain(2)));
        Assert.That(ambiguous.Events, Has.One.InstanceOf<MessageReported>());
        Assert.That(group.State.Reports.Select(r => (r.MsgId, r.Reason)), Is.EqualTo(new[] { (ambiguous.Events[0].MsgId, ReportReasons.AmbiguousChain) }));
        Assert.That(fits.Events.OfType<EntryAdded>().Single().Chain, Is.EqualTo(1));
    }

    [Test]
    public void A_volunteer_s_offline_block_adds_lines_that_belong_to_the_households()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        group.Post("vol", """
            代登记：
            5-102 王奶奶 2份
            6-301 李阿婆 1份
            """);

        Assert.That(group.Dump(), Is.EqualTo("""
            1|12-301|王阿姨|蔬菜套餐=1份|active|wang|
            2|5-102|王奶奶|蔬菜套餐=2份|active|(vol)|
            3|6-301|李阿婆|蔬菜套餐=1份|active|(vol)|
            """));
        Assert.That(group.Chain().Entry(2).Entry.OnBehalf, Is.True);
    }

    [Test]
    public void Two_lines_from_one_household_are_both_kept_and_flagged()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        group.Post("wangshu", Chain(Line1, "2. 12号301 王叔叔 2份"));

        Assert.That(group.Dump(), Is.EqualTo("""
            1|12-301|王阿姨|蔬菜套餐=1份|active|wang|second-line
            2|12-301|王叔叔|蔬菜套餐=2份|active|wangshu|second-line
            """));
        Assert.That(group.Chain().Tally().Total.Items.Single().Quantity, Is.EqualTo(3));
    }

    [Test]
    public void Lines_after_the_deadline_wait_for_a_coordinator()
    {
        var group = new GroupScript();
        group.Post("tuan", Chain(Line1));
        group.Post("li", Chain(Line1, Line2), at: "20:30");
        Assert.That(group.Dump(), Does.EndWith("2|15-502|李|蔬菜套餐=2份|active|li|late"));
        Assert.That(group.Chain().Tally().Total.Households, Is.EqualTo(1));

        var accept = group.Post("tuan", "接受");
        Assert.That(accept.Events, Has.One.InstanceOf<LateAccepted>());
        Assert.That(group.Dump(), Does.EndWith("2|15-502|李|蔬菜套餐=2份|active|li|accepted-late"));
        Assert.That(group.Chain().Tally().Total.Households, Is.EqualTo(2));
    }

    [Test]
    public void A_coordinator_accepts_one_household_s_late_line_by_its_address()
    {
        var group = new GroupScript();
        group.Post("tuan", Chain(Line1));
        group.Post("li", "15-502 李 2份", at: "20:30");
        group.Post("chen", "3号楼201 陈先生 1份");

        var accept = group.Post("tuan", "接受 15-502");

        Assert.That(accept.Events.OfType<LateAccepted>().Single().Count, Is.EqualTo(1));
        Assert.That(group.Dump(), Does.Contain("2|15-502|李|蔬菜套餐=2份|active|li|accepted-late\n3|3-201|陈先生|蔬菜套餐=1份|active|chen|late"));
    }

    [Test]
    public void Closing_a_chain_early_makes_later_lines_late_and_only_its_coordinator_may()
    {
        var group = new GroupScript();
        group.Post("tuan", Chain(Line1));
        var refused = group.Post("li", "截止");
        Assert.That(group.Chain().Closed, Is.False);
        Assert.That(refused.Events.Single(), Is.InstanceOf<CommandReceived>());

        var closed = group.Post("tuan", "@ChainBot 截止");
        group.Post("li", "15-502 李 2份");

        Assert.That(closed.Events, Has.One.InstanceOf<ChainClosed>());
        Assert.That(group.Dump(), Does.EndWith("|late"));
        Assert.That(group.State.Ignored.Select(i => i.Kind), Is.EqualTo(new[] { "command", "command" }));
    }

    [Test]
    public void Chatter_and_commands_change_no_chain()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        var chatter = group.Post("li", "几点到货？");
        var thanks = group.Post("chen", "收到，谢谢团长🙏");
        var command = group.Post("zhou", "统计");

        Assert.That(chatter.Events.Single(), Is.EqualTo(new MessageIgnored("m2", "chatter")));
        Assert.That(thanks.Events.Single(), Is.EqualTo(new MessageIgnored("m3", "chatter")));
        Assert.That(command.Events.Single(), Is.EqualTo(new CommandReceived("m4", new BotCommand(BotCommandKind.Tally), 1)));
        Assert.That(group.Chain().Entries, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_message_delivered_again_changes_nothing()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        var before = group.State;
        var again = group.Send(group.Messages[0]);

        Assert.That(again.State, Is.SameAs(before));
        Assert.That(again.Events.Single(), Is.EqualTo(new MessageIgnored("m1", "duplicate")));
    }

    [Test]
    public void The_next_day_s_chain_with_the_same_title_is_a_new_chain()
    {
        var group = new GroupScript();
        group.Post("tuan", Chain(Line1));
        group.Time = group.Time.AddDays(1);
        var next = group.Post("tuan", Chain("1. 8-101 赵 1份"));

        Assert.That(next.Events, Has.One.InstanceOf<ChainOpened>());
        Assert.That(group.State.Chains, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_copy_without_its_header_still_finds_its_chain_by_its_lines()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        group.Post("li", Chain(Line1, Line2));
        group.Post("chen", string.Join("\n", Line1, Line2, Line3));

        Assert.That(group.State.Chains, Has.Count.EqualTo(1));
        Assert.That(group.Chain().Entries, Has.Count.EqualTo(3));
    }

    [Test]
    public void A_copy_of_only_the_tail_without_its_header_leaves_nothing_missing()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        group.Post("li", Chain(Line1, Line2));
        group.Post("chen", Chain(Line1, Line2, Line3));
        // zhou copies from line 2 on, with no header: the head is left out on purpose, not dropped.
        group.Post("zhou", string.Join("\n", Line2, Line3, "4. 7号1102 周 两份"));

        Assert.That(group.Chain().Entries, Has.Count.EqualTo(4));
        Assert.That(group.Dump(), Does.Not.Contain("missing-from-latest"));
    }

    [Test]
    public void A_copier_who_loses_someone_s_remark_changes_nothing_and_its_owner_may_add_one()
    {
        var group = new GroupScript();
        group.Post("wang", Chain("1. 12号301 王阿姨 1份（放门口）"));
        var lost = group.Post("li", Chain("1. 12号301 王阿姨 1份", Line2));
        var reworded = group.Post("chen", Chain("1. 12号301 王阿姨 1份（放门口就行）", Line2, Line3));
        var own = group.Post("li", Chain("1. 12号301 王阿姨 1份", "2. 15-502 李 2份 下午在家", Line3));

        Assert.That(lost.Events.OfType<ChangeRefused>().Concat<MergeEvent>(reworded.Events.OfType<ChangeRefused>()), Is.Empty);
        Assert.That(group.Chain().Entry(1).Entry.Note, Is.EqualTo("放门口"));
        Assert.That(own.Events, Has.One.InstanceOf<EntryChanged>());
        Assert.That(group.Chain().Entry(2).Entry.Note, Is.EqualTo("下午在家"));
        Assert.That(group.Chain().Conflicts, Is.Empty);
    }

    [Test]
    public void A_line_that_cannot_be_read_is_told_once_however_many_copies_repeat_it()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        var first = group.Post("li", Chain(Line1, "2. 15-502 李"));
        var again = group.Post("chen", Chain(Line1, "2. 15-502 李", Line3));

        var told = first.Events.OfType<LinesUnread>().Single();
        Assert.That(told.Lines.Select(l => (l.Line, l.Reason)), Is.EqualTo(new[] { ("2. 15-502 李", UnreadReasons.NoQuantity) }));
        Assert.That(again.Events.OfType<LinesUnread>(), Is.Empty);
        Assert.That(group.Chain().Unread, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_reply_for_the_one_open_chain_that_cannot_be_read_is_told_not_ignored()
    {
        var group = new GroupScript();
        group.Post("wang", Chain(Line1));
        var misread = group.Post("li", "15-502 李 2斤");
        var chatter = group.Post("chen", "谢谢团长");

        Assert.That(misread.Events.OfType<LinesUnread>().Single().Lines.Single().Reason, Is.EqualTo(UnreadReasons.UnitMismatch));
        Assert.That(chatter.Events.Single(), Is.EqualTo(new MessageIgnored("m3", "chatter")));
        Assert.That(group.Chain().Entries, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_notice_to_a_building_is_no_line_of_a_roster_or_an_order()
    {
        var group = new GroupScript();
        group.Post("tuan", Chain(Line1));
        group.Post("vol", "#接龙\n核酸检测志愿者报名\n例：12号 301 张三\n\n1. 5号102 王老师");
        var notice = group.Post("tuan", "西瓜已到南门，7号楼的先来拿");
        var arrived = group.Post("tuan", "15号楼的水果到了，请下楼自取");

        Assert.That(notice.Events.Single(), Is.EqualTo(new MessageIgnored("m3", "chatter")));
        Assert.That(arrived.Events.Single(), Is.EqualTo(new MessageIgnored("m4", "chatter")));
        Assert.That(group.State.Chains.Sum(c => c.Entries.Count), Is.EqualTo(2));
    }

    [Test]
    public void With_two_chains_open_a_cancellation_goes_to_the_chain_that_holds_the_household()
    {
        var group = new GroupScript();
        group.Post("tuan", Chain(Line1));
        group.Post("li", Chain(Line1, Line2));
        group.Post("fruit", "#接龙\n五常大米团购\n五常大米 10斤/袋 45元/袋\n截止时间：今晚8点\n\n1. 8号1101 陈 大米1袋");
        var cancel = group.Post("li", "15-502 李 不要了");

        Assert.That(cancel.Events.Single(), Is.EqualTo(new EntryChanged("m4", 1, 2)));
        Assert.That(group.Chain(1).Entry(2).Entry.Status, Is.EqualTo(EntryStatus.Cancelled));
    }

    [Test]
    public void After_every_deadline_a_reply_goes_late_to_the_chain_that_ended_last()
    {
        var group = new GroupScript();
        group.Post("tuan", Chain(Line1)); // ends at 20:00
        group.Post("fruit", "#接龙\n五常大米团购\n五常大米 10斤/袋 45元/袋\n截止时间：今天下午3点\n\n1. 8号1101 陈 大米1袋");
        var late = group.Post("li", "15-502 李 2份", at: "21:00");

        Assert.That(late.Events.OfType<EntryAdded>().Single().Chain, Is.EqualTo(1));
        Assert.That(group.Dump(1), Does.EndWith("2|15-502|李|蔬菜套餐=2份|active|li|late"));
    }
}
