namespace ChainBot.Fuzz.Mutation;

/// <summary>The material mutations insert: words the readers react to, and characters and numbers that trip them.</summary>
internal static class Tokens
{
    /// <summary>Single characters: markers, separators, digits in every width, CJK numerals, control characters.</summary>
    public const string Characters = "0123456789０１２３４５６７８９一二两三十百千万亿号楼栋室单元份箱斤袋个-—－.。、，,:：()（）[]【】#@\n\r\t\0 　\"'<>&;{}\\";

    /// <summary>Characters readers mishandle: lone surrogates, pairs, RTL and zero-width marks, BOM, combining marks.</summary>
    public static readonly string[] Unicode =
    [
        "\uD800", "\uDC00", "\uDBFF\uDFFF", "😀", "🥬", "\uDFFF\uD800",
        "\u202E", "\u202D", "\u200F", "\u200E", "\u2066", "\u2069",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
        "\u0301", "\u0361", "\uFFFD", "\uFFFF", "\uFFFE", "\u0085", "\u2028", "\u2029",
        "１", "９", "Ａ", "＃", "＠", "　", "①", "⑳", "Ⅻ", "㊿",
    ];

    /// <summary>Words the parser, merger and command reader act on.</summary>
    public static readonly string[] Words =
    [
        "#接龙\n", "接龙", "取消", "改成", "改为", "截止", "截单", "统计", "导出", "我的", "到货", "接受", "已领取", "已取",
        "代登记：", "帮楼里老人接龙：", "（代）", "号楼", "栋", "单元", "室", "-", "元/份", "¥", "￥", "份", "斤半",
        "今晚8点", "明天中午12点", "后天", "4月31日", "25点", "例：12号 101 张三 1份", "@接龙助手 ", "\n\n", "\r\n",
        "<![CDATA[", "]]>", "<xml>", "</xml>", "<Content>", "</Content>", "&amp;", "&#x0;", "&#xD800;", "&lt;",
        "{\"msgId\":", "\"text\":", "\\u0000", "\\ud800", "\\", "\"", "null", "true", "[]", "{}",
    ];

    /// <summary>Numbers beyond every field's range, in digits, full-width digits and Chinese numerals.</summary>
    public static readonly string[] Numbers =
    [
        "99999999999999999999999999999", "-1", "-0", "0", "1e308", "1E-400", "18446744073709551616", "2147483648",
        "９９９９９９９９９９９９９９９９", "九千九百九十九万亿", "十万八千亿零一", "两千万亿份", "0.000000000000000001",
        "3.14159265358979323846264338327950288", "１２号楼５０２", "99999号99999室", "00000000000000000001",
        "999999999999999999999份", "NaN", "Infinity", "1409659589999999999999",
    ];

    /// <summary>Openings and closings nested many deep: JSON arrays and objects, XML elements, brackets.</summary>
    public static readonly (string Open, string Close)[] Nesting =
    [
        ("[", "]"), ("{\"a\":", "}"), ("<a>", "</a>"), ("（", "）"), ("(", ")"), ("【", "】"), ("「", "」"),
    ];
}
