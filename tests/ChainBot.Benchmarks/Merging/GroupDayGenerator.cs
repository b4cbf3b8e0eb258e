using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ChainBot.Benchmarks.Parsing;
using ChainBot.Core.Messages;

namespace ChainBot.Benchmarks.Merging;

/// <summary>
/// Generates a group day deterministically (seeded <see cref="Random"/>): from 08:00 (+08:00) to 21:00, one group of a
/// compound where
/// <list type="bullet">
/// <item>the main chain, the vegetable and grocery buy of <see cref="ChainGenerator.Header"/> (four items with
/// prices, 截止时间：今晚8点), grows to <see cref="MainEntries"/> entries: its coordinator posts the header and entry 1,
/// then each resident in turn posts a FULL copy (header, every line so far, their own line last);</item>
/// <item>a fruit group-buy (three items, until 3 pm) and a roster, 核酸检测志愿者报名 (until 5 pm), grow the same way
/// in between;</item>
/// <item>the rest is what a group says around them: chatter (收到, 几点到货？, emoji, the coordinator's notices),
/// residents changing their own line (15-502 李 2份, 改2份, B1), a few cancellations (12-301 取消) and commands (统计,
/// 3号楼, 我的).</item>
/// </list>
/// Every household is distinct (one sender id each), and lines are made of <see cref="ChainGenerator"/>'s addresses,
/// names, orders and notes. With the defaults the day has <see cref="Messages"/> messages, and the main chain's
/// copies hold 45,150 numbered lines (1 + 2 + … + 300) under 300 headers.
/// </summary>
public static class GroupDayGenerator
{
    /// <summary>The main chain's final entry count by default.</summary>
    public const int MainEntries = 300;

    /// <summary>Messages in the default day; a day with another main chain size has as many more or fewer (and with
    /// fewer than 136 entries, fewer changes and cancellations: one per resident of the chain at most).</summary>
    public const int Messages = MainEntries + Others;

    private const int FruitEntries = 60;
    private const int RosterEntries = 40;
    private const int Changes = 120;
    private const int Cancellations = 15;
    private const int Commands = 12;
    private const int ChatterMessages = 1_453;
    private const int Others = FruitEntries + RosterEntries + Changes + Cancellations + Commands + ChatterMessages;

    /// <summary>Fruit and roster entries come from the first this many residents, whatever the main chain's size.</summary>
    private const int Neighbours = 400;

    /// <summary>The group's id, as WeChat names a group.</summary>
    public const string GroupId = "24157093815@chatroom";

    private static readonly DateTimeOffset Morning = new(2022, 4, 18, 8, 0, 0, TimeSpan.FromHours(8));

    private const string FruitHeader = """
        #接龙
        4月18日 天山三村 水果团购（产地直发，下午到货）
        A. 麒麟西瓜 约8斤/个 35元/个
        B. 赣南脐橙 5斤/箱 39元/箱
        C. 丹东草莓 3斤/盒 58元/盒
        截止时间：今天下午3点
        例：12号 301 张三 西瓜1个

        """;

    private const string RosterHeader = """
        #接龙
        4月19日 天山三村 核酸检测志愿者报名
        明天早上6:30在3号楼前空地集合，需要扫码、秩序维护、登记各若干名
        请写：楼号+房号+姓名+电话，有医护经验的请注明
        报名截止：今天下午5点
        例 12号 301 张三 138****0000

        """;

    private static readonly string[] FruitOrders =
        ["西瓜1个", "脐橙1箱", "草莓2盒", "A1 C1", "西瓜1个 草莓1盒", "橙子两箱", "B1", "西瓜2个", "草莓1盒", "A1 B1 C1"];

    private static readonly string[] GivenNames =
        ["磊", "娜", "晓东", "洋", "敏", "志强", "婷", "俊", "凯", "丽", "伟", "芳", "静", "勇", "建华", "玉兰", "海燕", "文杰"];

    private static readonly string[] RosterRemarks =
        ["", "", "", " 护士", " 医生", "（只能上午）", " 党员", " 会说上海话，可以帮忙登记老人", " 有车，可以搬物资", "（6点半前能到）"];

    private static readonly string[] ResidentChatter =
    [
        "收到", "收到", "收到👌", "好的", "好的", "👍", "👍👍", "[强]", "🙏", "🙏🙏", "谢谢团长", "团长辛苦了🌹", "辛苦了", "[玫瑰]",
        "几点到货？", "今天几点到货？", "鸡蛋还有吗？", "西瓜甜不甜？", "已付款", "[转账]", "[图片]", "[动画表情]", "接好了",
        "刚接上，麻烦团长看一下", "明天早上几点集合？", "核酸在哪里做？", "可以送到楼下吗？", "我家老人不会接龙，我帮她接了",
        "今天的菜很新鲜，点赞", "大米是新米吗？", "怎么付款？", "团长收款码发一下", "哈哈哈", "👌", "在吗？", "[捂脸]", "好滴",
        "明天还有团吗？", "牛奶是哪个牌子的？", "谢谢志愿者们❤️", "楼下有人吗？我的还没拿到", "草莓新鲜吗？",
    ];

    /// <summary>The coordinator's notices, each from the hour (after 08:00) it makes sense.</summary>
    private static readonly (double FromHour, string Text)[] CoordinatorNotices =
    [
        (0, "大家接龙的时候写清楚楼号房号，谢谢配合"), (0, "接龙请复制最新的一条，不要复制旧的"), (0, "付款请备注楼号房号"),
        (2, "已收到的我都登记了"), (7, "西瓜已到南门，{0}号楼的先来拿"), (8, "{0}号楼的水果到了，请下楼自取"),
        (10, "今晚8点截单，还没接的抓紧"), (12, "已截单，明天下午到货，到了在群里通知"),
    ];

    /// <summary>The day with a main chain of <paramref name="mainEntries"/> entries.</summary>
    public static GroupDay Generate(int mainEntries = MainEntries, int seed = 418)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mainEntries, 2);
        // One stream of random numbers per part, so that the main chain's size leaves the rest of the day as it is.
        var residents = Residents(new Random(seed), Math.Max(mainEntries, Neighbours));
        var drafts = new List<Draft>();

        var main = new Random(seed + 1);
        var mainTimes = Times(main, mainEntries, TimeSpan.FromHours(0), TimeSpan.FromHours(11.8));
        var mainLines = residents.Take(mainEntries).Select(r => (r, r.Address + " " + r.Name + " " + r.Order + Note(main))).ToList();
        drafts.AddRange(Posts(GroupDay.MainChain, ChainGenerator.Header + "\n", mainLines, mainTimes, main));

        var fruit = new Random(seed + 2);
        var fruitLines = Pick(fruit, FruitEntries).Select(i => (residents[i], residents[i].Address + " " + residents[i].Name + " "
            + FruitOrders[fruit.Next(FruitOrders.Length)] + Note(fruit))).ToList();
        drafts.AddRange(Posts(1, FruitHeader, fruitLines, Times(fruit, FruitEntries, TimeSpan.FromHours(1.2), TimeSpan.FromHours(6.8)), fruit));

        var roster = new Random(seed + 3);
        var rosterLines = Pick(roster, RosterEntries).Select(i => (residents[i], residents[i].Address + " " + residents[i].FullName
            + (roster.Next(2) == 0 ? " " + Phone(roster) : "") + RosterRemarks[roster.Next(RosterRemarks.Length)])).ToList();
        drafts.AddRange(Posts(2, RosterHeader, rosterLines, Times(roster, RosterEntries, TimeSpan.FromHours(0.3), TimeSpan.FromHours(8.8)), roster));

        drafts.AddRange(Replies(new Random(seed + 4), residents, mainTimes));
        drafts.AddRange(Talk(new Random(seed + 5), residents));

        var messages = ImmutableArray.CreateBuilder<DayMessage>(drafts.Count);
        var last = DateTimeOffset.MinValue;
        foreach (var draft in drafts.OrderBy(d => d.At))
        {
            // Strictly increasing times: two messages in one second are a second apart.
            var time = Morning + draft.At;
            last = time > last ? time : last.AddSeconds(1);
            string msgId = "msg-" + (messages.Count + 1).ToString("D4", CultureInfo.InvariantCulture);
            var message = new IncomingMessage(msgId, GroupId, draft.By.SenderId, draft.By.DisplayName, last, draft.Text, draft.Mentioned);
            messages.Add(new DayMessage(message, draft.Intent, draft.Chain));
        }
        return new GroupDay(messages.MoveToImmutable(),
            [new("蔬菜水果团购 (main)", mainEntries), new("水果团购", FruitEntries), new("核酸志愿者报名", RosterEntries)]);
    }

    /// <summary>A household of the compound: a sender in the group, and how they write their address and name.</summary>
    private sealed record Resident(string SenderId, string DisplayName, string Address, string Name, string FullName, string Order);

    /// <summary>A message before its time is settled.</summary>
    private sealed record Draft(TimeSpan At, Resident By, string Text, DayIntent Intent, int Chain, bool Mentioned = false);

    /// <summary><paramref name="count"/> residents, each of a distinct household (building and room).</summary>
    private static List<Resident> Residents(Random random, int count)
    {
        var households = new HashSet<(int Building, int Room)>();
        var residents = new List<Resident>(count);
        var text = new StringBuilder();
        while (residents.Count < count)
        {
            int building = random.Next(1, 120), floor = random.Next(1, 19), unit = random.Next(1, 5);
            int room = floor * 100 + random.Next(1, 5);
            if (!households.Add((building, room)))
                continue;
            text.Clear();
            if (random.Next(10) == 0)
                text.Append(ChainGenerator.Areas[random.Next(ChainGenerator.Areas.Length)]);
            ChainGenerator.AppendAddress(text, random.Next(7), building, unit, room);
            string address = text.ToString();
            text.Clear();
            ChainGenerator.AppendName(text, random);
            string name = text.ToString();
            string fullName = name[..1] + GivenNames[random.Next(GivenNames.Length)];
            text.Clear();
            ChainGenerator.AppendOrder(text, random);
            string order = text.ToString();
            var id = new StringBuilder("wxid_");
            for (int i = 0; i < 12; i++)
                id.Append("abcdefghijklmnopqrstuvwxyz0123456789"[random.Next(36)]);
            string display = string.Create(CultureInfo.InvariantCulture, $"{building}-{room} {name}");
            residents.Add(new Resident(id.ToString(), display, address, name, fullName, order));
        }
        return residents;
    }

    /// <summary>
    /// A chain's posts: the first by <c>entries[0]</c>'s resident with entry 1, then each resident's full copy with
    /// their line added. Now and then a copier leaves the next number empty for whoever comes next (<c>8. </c>).
    /// </summary>
    private static IEnumerable<Draft> Posts(int chain, string header, List<(Resident By, string Line)> entries, TimeSpan[] times, Random random)
    {
        var body = new StringBuilder(header);
        for (int k = 0; k < entries.Count; k++)
        {
            ChainGenerator.AppendNumber(body, k + 1, random);
            body.Append(entries[k].Line).Append('\n');
            string text = body.ToString();
            if (k + 1 < entries.Count && random.Next(25) == 0)
            {
                var slot = new StringBuilder(text);
                ChainGenerator.AppendNumber(slot, k + 2, random);
                text = slot.Append('\n').ToString();
            }
            yield return new Draft(times[k], entries[k].By, text, k == 0 ? DayIntent.Opens : DayIntent.Copies, chain);
        }
    }

    /// <summary>
    /// Residents who already have a line in the main chain change it (120) or cancel it (15), each once, writing the
    /// address as in their line; a change always changes something (no 2份 for a line of 蔬菜套餐2份).
    /// </summary>
    private static IEnumerable<Draft> Replies(Random random, List<Resident> residents, TimeSpan[] mainTimes)
    {
        int count = Math.Min(Changes + Cancellations, mainTimes.Length - 1);
        var cancels = new HashSet<int>(Pick(random, Math.Min(Cancellations, count), count));
        var lastReply = TimeSpan.FromHours(11.8);
        var text = new StringBuilder();
        foreach (var (n, who) in Pick(random, count, mainTimes.Length).Index())
        {
            // At least a minute after their line was posted, and before the deadline.
            var after = mainTimes[who] + TimeSpan.FromMinutes(1);
            var at = after + TimeSpan.FromSeconds(random.Next(Math.Max(1, (int)(lastReply - after).TotalSeconds)));
            var by = residents[who];
            text.Clear().Append(by.Address);
            if (cancels.Contains(n))
            {
                text.Append(random.Next(3) switch { 0 => " 取消", 1 => " " + by.Name + " 不要了", _ => " " + by.Name + " 取消" });
                yield return new Draft(at, by, text.ToString(), DayIntent.Cancels, GroupDay.MainChain);
                continue;
            }
            int quantity;
            do
                quantity = random.Next(1, 5);
            while (by.Order == "蔬菜套餐" + quantity.ToString(CultureInfo.InvariantCulture) + "份");
            switch (random.Next(4))
            {
                case 0: text.Append(' ').Append(by.Name).Append(' ').Append(quantity).Append('份'); break; // 15-502 李 2份
                case 1: text.Append(' ').Append(by.Name).Append(" 改").Append(quantity).Append('份'); break;
                case 2: text.Append(' ').Append(by.Name).Append(' ').Append(OtherOrder(random, by.Order)); break;
                default: text.Append(' ').Append(OtherOrder(random, by.Order)); break;
            }
            yield return new Draft(at, by, text.ToString(), DayIntent.Changes, GroupDay.MainChain);
        }
    }

    /// <summary>Commands and chatter, from residents and (one message in ten) the main chain's coordinator.</summary>
    private static IEnumerable<Draft> Talk(Random random, List<Resident> residents)
    {
        var coordinator = residents[0];
        var times = Times(random, Commands + ChatterMessages, TimeSpan.Zero, TimeSpan.FromHours(13));
        var commands = new HashSet<int>(Pick(random, Commands, times.Length));
        for (int n = 0; n < times.Length; n++)
        {
            var anyone = residents[random.Next(Neighbours)];
            string building = random.Next(1, 120).ToString(CultureInfo.InvariantCulture);
            if (commands.Contains(n))
            {
                yield return random.Next(5) switch
                {
                    0 => new Draft(times[n], coordinator, "统计", DayIntent.Command, -1),
                    1 => new Draft(times[n], coordinator, "统计", DayIntent.Command, -1, Mentioned: true),
                    2 => new Draft(times[n], coordinator, "汇总一下", DayIntent.Command, -1),
                    3 => new Draft(times[n], anyone, building + "号楼", DayIntent.Command, -1),
                    _ => new Draft(times[n], anyone, "我的", DayIntent.Command, -1, Mentioned: true),
                };
            }
            else if (random.Next(10) == 0)
            {
                var notices = CoordinatorNotices.Where(candidate => candidate.FromHour <= times[n].TotalHours).ToArray();
                string notice = string.Format(CultureInfo.InvariantCulture, notices[random.Next(notices.Length)].Text, building);
                yield return new Draft(times[n], coordinator, notice, DayIntent.Chatter, -1);
            }
            else
                yield return new Draft(times[n], anyone, ResidentChatter[random.Next(ResidentChatter.Length)], DayIntent.Chatter, -1);
        }
    }

    /// <summary>An order of the main catalogue other than <paramref name="order"/>.</summary>
    private static string OtherOrder(Random random, string order)
    {
        var text = new StringBuilder();
        do
            ChainGenerator.AppendOrder(text.Clear(), random);
        while (text.ToString() == order);
        return text.ToString();
    }

    /// <summary>A note after the order now and then, sometimes on a line of its own.</summary>
    private static string Note(Random random)
    {
        var text = new StringBuilder();
        ChainGenerator.AppendNote(text, random);
        if (random.Next(50) == 0)
            text.Append("\n（周末不在家，请放快递柜）");
        return text.ToString();
    }

    private static string Phone(Random random) =>
        "1" + "3589"[random.Next(4)] + random.Next(100_000_000, 1_000_000_000).ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="count"/> distinct numbers below <paramref name="range"/> (default: the neighbours), in random order.</summary>
    private static int[] Pick(Random random, int count, int range = Neighbours)
    {
        int[] all = [.. Enumerable.Range(0, range)];
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, range);
            (all[i], all[j]) = (all[j], all[i]);
        }
        return all[..count];
    }

    /// <summary>
    /// <paramref name="count"/> times after 08:00, in order, the first at <paramref name="from"/> and the rest at
    /// random whole seconds up to <paramref name="to"/>.
    /// </summary>
    private static TimeSpan[] Times(Random random, int count, TimeSpan from, TimeSpan to)
    {
        var times = new TimeSpan[count];
        times[0] = from;
        int span = (int)(to - from).TotalSeconds;
        for (int i = 1; i < count; i++)
            times[i] = from + TimeSpan.FromSeconds(random.Next(60, span));
        Array.Sort(times);
        return times;
    }
}
