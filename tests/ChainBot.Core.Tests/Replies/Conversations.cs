namespace ChainBot.Core.Tests.Replies;

/// <summary>Small group conversations the reply tests start from, each as a real group would type it.</summary>
internal static class Conversations
{
    public const string Header = """
        #接龙
        4月18日 天山三村 蔬菜套餐团购
        规格：每份约5斤，68元/份
        截止时间：今晚8点
        例：12号 301 张三 2份

        """;

    public const string TwoItemHeader = """
        #接龙
        4月23日 虹梅花苑 肉蛋团购
        A. 猪肉 前腿肉2斤装 38元/份
        B. 鸡蛋 30枚/盒 26元/盒
        截止时间：今晚9点
        例：12号 301 张三 A1 B1

        """;

    public static string Chain(params string[] lines) => Header + string.Join("\n", lines);

    /// <summary>
    /// 团长 (tz) opens the vegetable chain; residents copy it in: 王阿姨 12-301, 李 15-502 with her phone number,
    /// 陈先生 3-201, Amy 3-1102 with a note, 蒋 3号楼2单元601; 孙 3-402 adds a line and cancels it.
    /// </summary>
    public static ReplyScript Vegetables(params string[] coordinators) =>
        Vegetables(new ReplyScript(coordinators.Length == 0 ? ["tz"] : coordinators));

    /// <summary>The vegetable chain of <see cref="Vegetables(string[])"/>, posted in <paramref name="group"/>.</summary>
    public static ReplyScript Vegetables(ReplyScript group)
    {
        group.Post("tz", Header + "1.");
        group.Post("wang", Chain("1. 12号301 王阿姨 1份"));
        group.Post("li", Chain("1. 12号301 王阿姨 1份", "2. 15-502 李 2份 13812345678"));
        group.Post("chen", Chain("1. 12号301 王阿姨 1份", "2. 15-502 李 2份 138****5678", "3. 3号楼201 陈先生 1份"));
        group.Post("amy", Chain("1. 12号301 王阿姨 1份", "2. 15-502 李 2份 138****5678", "3. 3号楼201 陈先生 1份", "4. 3-1102 Amy 2份（放门口）"));
        group.Post("sun", "3-402 孙 1份");
        group.Post("jiang", Chain("1. 12号301 王阿姨 1份", "2. 15-502 李 2份 138****5678", "3. 3号楼201 陈先生 1份", "4. 3-1102 Amy 2份（放门口）", "5. 3号楼2单元601 蒋 1份"));
        group.Post("sun", "3-402 孙 取消");
        return group;
    }
}
