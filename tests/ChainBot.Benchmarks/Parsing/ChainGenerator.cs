using System.Globalization;
using System.Text;

namespace ChainBot.Benchmarks.Parsing;

/// <summary>
/// Generates a large, varied chain post deterministically: a multi-item header, then entries in the address,
/// name, quantity and marker forms of chain-formats.md — compound parts, phone numbers, cancellations,
/// corrections, notes, continuation lines and empty slots among them — about 50 bytes of UTF-8 per entry.
/// Its pieces (addresses, names, orders, notes) also make the lines of <see cref="Merging.GroupDayGenerator"/>.
/// </summary>
public static class ChainGenerator
{
    internal static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] Honorifics = ["阿姨", "先生", "女士", "奶奶", "爷爷", "老师", "", "伟", "姐", "家", "小红", "建国", "🌸"];
    private static readonly string[] Notes =
    [
        "", "", "", "", "", "（放门口）", "（晚上7点后在家）", " 谢谢团长", "（代）", " 不要葱", "（老人独居，请放门口）",
        " 辛苦了", "【已付款】", " 13812345678", " 电话139 1234 5678",
    ];
    internal static readonly string[] Areas = ["一区", "二区", "东区", "西区", "二期"];

    public const string Header = """
        #接龙
        4月18日 天山三村 蔬菜水果团购
        A. 蔬菜套餐 每份约5斤 68元/份
        B. 鸡蛋 30枚/盒 25元/盒
        C. 牛奶 250ml*24盒/箱 ¥68/箱
        D. 五常大米 10斤/袋 ¥45/袋
        截止时间：今晚8点
        例：12号 301 张三 A1 B2

        """;

    /// <summary>The header and <paramref name="entries"/> entries.</summary>
    public static string Generate(int entries, int seed = 42)
    {
        var random = new Random(seed);
        var text = new StringBuilder(Header, entries * 40 + Header.Length);
        for (int i = 1; i <= entries; i++)
        {
            AppendNumber(text, i, random);
            if (random.Next(100) == 0)
            {
                text.Append('\n'); // an empty slot someone left
                continue;
            }
            if (random.Next(10) == 0)
                text.Append(Areas[random.Next(Areas.Length)]);
            AppendAddress(text, random);
            text.Append(' ');
            AppendName(text, random);
            text.Append(' ');
            AppendOrder(text, random);
            text.Append(random.Next(40) switch { 0 => " 取消", 1 => " 改2份", _ => string.Empty });
            AppendNote(text, random);
            if (random.Next(50) == 0)
                text.Append("\n（周末不在家，请放快递柜）"); // a note on the next line
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>An entry's number as people write it: <c>12、</c>, <c>12. </c> or <c>12.</c>.</summary>
    internal static void AppendNumber(StringBuilder text, int number, Random random) =>
        text.Append(number.ToString(CultureInfo.InvariantCulture)).Append(random.Next(4) switch { 0 => "、", 1 => ". ", 2 => ".", _ => ". " });

    /// <summary>A surname and an honorific or given name: 王阿姨, 李先生, 陈建国.</summary>
    internal static void AppendName(StringBuilder text, Random random) =>
        text.Append(Surnames[random.Next(Surnames.Length)]).Append(Honorifics[random.Next(Honorifics.Length)]);

    /// <summary>A remark after the order, often none: （放门口）, 谢谢团长, a phone number.</summary>
    internal static void AppendNote(StringBuilder text, Random random) => text.Append(Notes[random.Next(Notes.Length)]);

    private static void AppendAddress(StringBuilder text, Random random)
    {
        int building = random.Next(1, 120), floor = random.Next(1, 19), unit = random.Next(1, 5);
        int room = floor * 100 + random.Next(1, 5);
        AppendAddress(text, random.Next(7), building, unit, room);
    }

    /// <summary>
    /// Building <paramref name="building"/>, room <paramref name="room"/> in one of the seven forms residents write
    /// (<paramref name="form"/> 0–6: 12号301, 12-301, 12号楼301室, 12-3-301, 12栋3单元301, 12号 301, 12#301); forms
    /// 3 and 4 name the unit too.
    /// </summary>
    internal static void AppendAddress(StringBuilder text, int form, int building, int unit, int room)
    {
        switch (form)
        {
            case 0: text.Append(building).Append('号').Append(room); break;
            case 1: text.Append(building).Append('-').Append(room); break;
            case 2: text.Append(building).Append("号楼").Append(room).Append('室'); break;
            case 3: text.Append(building).Append('-').Append(unit).Append('-').Append(room); break;
            case 4: text.Append(building).Append('栋').Append(unit).Append("单元").Append(room); break;
            case 5: text.Append(building).Append("号 ").Append(room); break;
            default: text.Append(building).Append('#').Append(room); break;
        }
    }

    /// <summary>An order for the catalogue of <see cref="Header"/> in one of eight forms: A1 B2, 蔬菜套餐2份, 两箱牛奶, 各1份…</summary>
    internal static void AppendOrder(StringBuilder text, Random random)
    {
        switch (random.Next(8))
        {
            case 0: text.Append("A1 B2"); break;
            case 1: text.Append("蔬菜套餐").Append(random.Next(1, 4)).Append('份'); break;
            case 2: text.Append("鸡蛋1 牛奶2"); break;
            case 3: text.Append("两箱牛奶"); break;
            case 4: text.Append("各1份"); break;
            case 5: text.Append("大米x").Append(random.Next(1, 3)); break;
            case 6: text.Append("A 2 C1"); break;
            default: text.Append("牛奶+1 鸡蛋2盒"); break;
        }
    }
}
