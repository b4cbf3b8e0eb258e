namespace ChainBot.Core.Text;

/// <summary>
/// Folds the ways phones type the same text into one form before any scanner looks at it:
/// full-width ASCII (２份, Ｘ２) to half-width (but for the Chinese punctuation （）,：；！？), the ideographic and no-break spaces and tabs to a space,
/// zero-width characters, variation selectors and keycaps (1⃣️ → 1) removed, Traditional characters to Simplified (接龍, 號, 棟).
/// </summary>
/// <remarks>Pure and thread-safe. Never lengthens text, so a destination as long as the source always fits.</remarks>
public static class TextNormalizer
{
    // Traditional → Simplified for the characters that matter in chains: markers, addresses, units, goods.
    // Pairs are written Traditional then Simplified.
    private const string TraditionalPairs =
        "龍龙開开號号棟栋單单樓楼層层區区園园場场門门廳厅鄰邻裡里裏里幢幢戶户閣阁莊庄灣湾蘭兰東东"
        + "個个兩两隻只條条塊块盒盒瓶瓶袋袋箱箱斤斤貫贯雙双對对組组張张顆颗捲卷罐罐綑捆紮扎盤盘碗碗"
        + "團团購购記记錄录報报為为幫帮設设訂订預预價价錢钱元元費费總总計计數数量量稱称額额單单據据"
        + "時时間间點点後后前前週周號号晚晚午午鐘钟截截當当屆届結结與与於于從从這这還还進进過过讓让"
        + "條条車车貨货發发運运送送領领簽签確确認认請请謝谢諾诺賣卖買买換换選选項项樣样規规格格種种"
        + "雞鸡鴨鸭魚鱼蝦虾蟹蟹肉肉豬猪羊羊牛牛麵面飯饭餅饼饅馒頭头餃饺粽粽湯汤醬酱鹽盐糖糖醋醋油油"
        + "蘋苹蔔卜蘿萝筍笋蔥葱薑姜蒜蒜韭韭瓜瓜豆豆菜菜蔬蔬葉叶紅红綠绿黃黄藍蓝檸柠橙橙梨梨桃桃棗枣"
        + "奶奶優优酪酪乳乳飲饮瓶瓶水水啤啤麥麦穀谷糧粮蛋蛋醫医藥药療疗劑剂膠胶囊囊粒粒片片盒盒貼贴"
        + "紙纸巾巾衛卫廁厕洗洗滌涤劑剂罩罩罐罐裝装價价現现貨货專专業业務务員员誌志願愿義义陳陈劉刘"
        + "張张趙赵黃黄吳吴孫孙鄭郑馮冯蔣蒋韓韩楊杨許许蕭萧葉叶鍾钟盧卢羅罗錢钱湯汤蘇苏鄧邓謝谢譚谭"
        + "嚴严韋韦賈贾閻阎姊姊媽妈爺爷奶奶嬸婶們们傢家氣气電电話话機机號号碼码聯联繫系絡络備备註注"
        + "區区續续滿满起起成成齊齐無无沒没要要將将會会給给讀读寫写說说問问題题應应該该麼么嗎吗樣样";

    /// <summary>The folded form of every UTF-16 unit ('\0' = drop): one array read per character, ASCII included.</summary>
    private static readonly char[] Table = BuildTable();

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
            table[c] = FoldSlow((char)c);
        for (int i = 0; i + 1 < TraditionalPairs.Length; i += 2)
            table[TraditionalPairs[i]] = TraditionalPairs[i + 1];
        return table;
    }

    /// <summary>Normalizes <paramref name="source"/> into <paramref name="destination"/>; returns the length written.</summary>
    /// <param name="source">Text as received.</param>
    /// <param name="destination">At least as long as <paramref name="source"/>.</param>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination)
    {
        // Written before it is known to be kept: a dropped character is overwritten by the next, without a branch.
        destination = destination[..source.Length];
        var table = Table;
        int n = 0;
        for (int i = 0; i < source.Length; i++)
        {
            char d = table[source[i]];
            destination[n] = d;
            n += d != '\0' ? 1 : 0;
        }
        return n;
    }

    /// <summary>Normalizes a whole string; returns the same instance when nothing changes.</summary>
    public static string Normalize(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<char> buffer = source.Length <= 512 ? stackalloc char[source.Length] : new char[source.Length];
        int n = Normalize(source, buffer);
        return buffer[..n].SequenceEqual(source) ? source : new string(buffer[..n]);
    }

    /// <summary>The folded form of one character, or '\0' to drop it.</summary>
    public static char Fold(char c) => Table[c];

    private static char FoldSlow(char c)
    {
        switch (c)
        {
            case '\t' or '\v' or '\f':
                return ' ';
            case '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u202F':
                return ' ';
            case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                return '\0';
            case '\u20E3':
                return '\0'; // the keycap of 1⃣️: the digit before it stays

            case >= '\uFE00' and <= '\uFE0F':
                return '\0'; // variation selectors after emoji
            case '（' or '）' or '，' or '：' or '；' or '！' or '？':
                return c; // Chinese punctuation stays as typed: notes and specs are echoed
            case >= '\uFF01' and <= '\uFF5E':
                return (char)(c - 0xFEE0); // full-width ASCII
            case '\u2014' or '\u2013' or '\u2212' or '\u2010' or '\u2011' or '\uFE63':
                return '-';
            case '\u3002' or '\uFF61':
                return c; // 。 stays: it is a sentence end, not a decimal point
        }
        return c;
    }
}
