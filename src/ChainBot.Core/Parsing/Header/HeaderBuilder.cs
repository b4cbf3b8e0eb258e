using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Numbers;
using ChainBot.Core.Parsing.Deadlines;
using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing.Header;

/// <summary>
/// Collects the header lines of a post (chain-formats.md, "A chain post": title, items with spec and price,
/// minimum, deadline, pickup place, example line) and builds the <see cref="ChainHeader"/>. Not thread-safe;
/// one per parse.
/// </summary>
internal sealed class HeaderBuilder(DateTimeOffset messageTime, TimeZoneInfo zone)
{
    private static readonly string[] NativeMarkers = ["#接龙", "#Group Note", "#group note", "#GROUP NOTE"];
    private static readonly string[] ExampleMarkers = ["参考格式", "接龙格式", "示例", "举例", "例如", "比如", "格式", "例"];
    private static readonly string[] PickupLabels = ["自提地点", "自提点", "取货地点", "取货点", "提货地点", "提货点", "领取地点", "领取点", "取货地址", "自提"];
    private static readonly string[] TitleSuffixes = ["团购", "接龙", "开团", "拼团", "预订", "预定", "订购", "登记", "报名", "团"];

    private readonly List<CatalogueLine.Draft> _drafts = [];
    private string? _title;
    private bool _native;
    private DateTimeOffset? _deadline;
    private int? _minimum;
    private string? _pickup;
    private string? _example;
    private bool _exampleOpen;
    private CatalogueTable? _table;
    private string? _nameLine;

    /// <summary>Reads one unnumbered header line (normalized).</summary>
    public void AddLine(ReadOnlySpan<char> line)
    {
        var text = line.Trim(' ');
        if (text.IsEmpty)
        {
            _exampleOpen = false;
            return;
        }
        if (TryExample(text, out var example))
        {
            _example ??= example.ToString();
            _exampleOpen = true;
            return;
        }
        if (_exampleOpen && !PriceScanner.HasPrice(text))
        {
            // A native chain's example may run over several lines, up to the blank line.
            _example += "\n" + text.ToString();
            return;
        }

        if (ContainsNativeMarker(text))
            _native = true;
        text = StripNativeMarker(text);
        if (text.IsEmpty)
            return;
        bool isTitle = _title is null;
        _title ??= text.ToString();

        if (_table is not null && _table.TryReadRow(text, out var row))
        {
            _drafts.Add(row);
            return;
        }
        _table = isTitle ? null : CatalogueTable.TryHeaderRow(text);
        if (_table is not null)
            return;

        if (!isTitle && TryReadSizes(text))
            return;
        if (PriceScanner.HasPrice(text))
        {
            int before = _drafts.Count;
            CatalogueLine.Read(text, null, _drafts);
            // 🍉麒麟西瓜 on one line, 约8斤/个 ¥39/个 on the next: the name line names the price line's item.
            if (_nameLine is not null && _drafts.Count == before + 1 && _drafts[before].Name is null)
                _drafts[before] = _drafts[before] with { Name = _nameLine };
        }
        _nameLine = !isTitle && IsNameOnly(text) ? CatalogueLine.NameOf(text) : null;
        if (_deadline is null && DeadlineReader.MentionsDeadline(text) && DeadlineReader.TryRead(text, messageTime, zone, out var deadline))
            _deadline = deadline;
        _minimum ??= ReadMinimum(text);
        _pickup ??= ReadPickup(text);
    }

    private static readonly string[] SizeWords = ["大份", "中份", "小份", "半份", "整只", "半只", "一只", "大盒", "小盒", "大杯", "小杯", "大碗", "小碗"];

    /// <summary>
    /// 酱牛肉 大份88 小份48, 白斩鸡 半只35: an item sold in sizes, each size with its price and no currency sign,
    /// is one item per size (酱牛肉大份, 酱牛肉小份). Only the size words people use make a bare number a price.
    /// </summary>
    private bool TryReadSizes(ReadOnlySpan<char> text)
    {
        var cells = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (cells.Length < 2 || CatalogueLine.NameOf(cells[0]) is not { } name || name.Length != cells[0].Length)
            return false;
        var sizes = new List<CatalogueLine.Draft>();
        foreach (string cell in cells.AsSpan(1))
        {
            string? size = SizeWords.FirstOrDefault(w => cell.StartsWith(w, StringComparison.Ordinal));
            if (size is null || !decimal.TryParse(cell.AsSpan(size.Length).TrimEnd("元块"), System.Globalization.NumberStyles.AllowDecimalPoint,
                    System.Globalization.CultureInfo.InvariantCulture, out decimal price))
                return false;
            sizes.Add(new CatalogueLine.Draft(name + size, "份", price, null, null));
        }
        _drafts.AddRange(sizes);
        return true;
    }

    /// <summary>A line that is only an item's name (🍉麒麟西瓜): short, no number, no price.</summary>
    private static bool IsNameOnly(ReadOnlySpan<char> text)
    {
        const int MaxNameLength = 12;
        if (text.Length > MaxNameLength || text.ContainsAnyInRange('0', '9') || text.ContainsAny(' ', ':', '：'))
            return false;
        return CatalogueLine.NameOf(text) is { Length: >= 2 };
    }

    /// <summary>Reads a numbered menu line of the header (1.凉拌牛肉 25元/份; ① 大米 10斤/袋 ¥45/袋).</summary>
    public void AddMenuLine(ReadOnlySpan<char> body, char numberChar)
    {
        string? code = SequenceNumbers.TryCircled(numberChar, out int circled)
            ? circled.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        if (PriceScanner.HasPrice(body))
        {
            CatalogueLine.Read(body, code, _drafts);
            return;
        }
        // A menu without prices: the item is the line's leading words.
        var name = body.Trim(" .、,，");
        int end = 0;
        while (end < name.Length && (CharKinds.IsHan(name[end]) || char.IsAsciiLetter(name[end])))
            end++;
        if (end > 0)
            _drafts.Add(new CatalogueLine.Draft(name[..end].ToString(), "份", null, null, code));
    }

    /// <summary>True when <paramref name="line"/> is an example line (例：…, 格式：…); <paramref name="example"/> is its text.</summary>
    public static bool TryExample(ReadOnlySpan<char> line, out ReadOnlySpan<char> example)
    {
        example = default;
        var text = line.TrimStart(' ');
        foreach (string marker in ExampleMarkers)
        {
            if (!text.StartsWith(marker, StringComparison.Ordinal))
                continue;
            var rest = text[marker.Length..];
            // 例 12号…, 例：…, 例如：…; but not 例外 or 格式化 glued to other words.
            if (!rest.IsEmpty && !(rest[0] is ':' or '：' or ' ' or ',' or '，' or '、' or '-' or '(' or '（') && !char.IsAsciiDigit(rest[0]))
                continue;
            example = rest.TrimStart(" :：,，、-").TrimEnd(' ');
            return true;
        }
        return false;
    }

    private static ReadOnlySpan<char> StripNativeMarker(ReadOnlySpan<char> text)
    {
        foreach (string marker in NativeMarkers)
        {
            int i = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (i >= 0)
            {
                text = string.Concat(text[..i], text[(i + marker.Length)..]).AsSpan().Trim(' ');
                return text;
            }
        }
        return text;
    }

    private static bool ContainsNativeMarker(ReadOnlySpan<char> line)
    {
        foreach (string marker in NativeMarkers)
        {
            if (line.Contains(marker, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>满50份成团, 50份起, 最低30份, 起订20份.</summary>
    private static int? ReadMinimum(ReadOnlySpan<char> text)
    {
        int i = text.IndexOf('满');
        if (i >= 0 && ReadCount(text[(i + 1)..], out int n, out int used))
        {
            var rest = text[(i + 1 + used)..];
            if (rest.StartsWith("成团") || rest.StartsWith("开团") || rest.StartsWith("起") || rest.StartsWith("发") || rest.StartsWith("送")
                || rest.StartsWith("单成") || rest.StartsWith("人成"))
                return n;
        }
        foreach (string label in (ReadOnlySpan<string>)["最低", "起订", "最少"])
        {
            int j = text.IndexOf(label, StringComparison.Ordinal);
            if (j >= 0 && ReadCount(text[(j + label.Length)..].TrimStart(" :："), out int m, out _))
                return m;
        }
        for (int k = 0; k < text.Length; k++)
        {
            if (char.IsAsciiDigit(text[k]) && (k == 0 || !char.IsAsciiDigit(text[k - 1])) && ReadCount(text[k..], out int m, out int used2)
                && text[(k + used2)..].StartsWith("起") && !text[(k + used2)..].StartsWith("起送价"))
                return m;
        }
        return null;
    }

    /// <summary>A whole number with an optional unit (50份, 30单, 20).</summary>
    private static bool ReadCount(ReadOnlySpan<char> text, out int value, out int used)
    {
        value = used = 0;
        if (!ChineseNumerals.TryRead(text, out decimal number, out used) || used == 0 || number != decimal.Truncate(number) || number > 100_000)
            return false;
        value = (int)number;
        if (used < text.Length && Entries.Units.TryRead(text[used..], out _, out int unitLength))
            used += unitLength;
        return true;
    }

    private static string? ReadPickup(ReadOnlySpan<char> text)
    {
        foreach (string label in PickupLabels)
        {
            int i = text.IndexOf(label, StringComparison.Ordinal);
            if (i < 0)
                continue;
            var rest = text[(i + label.Length)..].TrimStart(' ');
            if (!rest.IsEmpty && rest[0] is ':' or '：')
            {
                var place = rest[1..].Trim(' ');
                return place.IsEmpty ? null : place.ToString();
            }
        }
        return null;
    }

    /// <summary>
    /// The name of the item a title sells, for a price line that names none:
    /// <c>4月18日 天山三村 蔬菜套餐团购</c> → <c>蔬菜套餐</c>.
    /// </summary>
    internal static string ItemNameFromTitle(string? title)
    {
        const string Fallback = "商品";
        if (title is null)
            return Fallback;
        var words = title.Split([' ', '，', ',', '|', '｜', '【', '】', '[', ']'], StringSplitOptions.RemoveEmptyEntries);
        for (int w = words.Length - 1; w >= 0; w--)
        {
            var word = words[w].AsSpan();
            if (word.ContainsAnyInRange('0', '9'))
                continue; // 4月18日, 12号楼: a date or a place, not the goods
            int end = word.Length;
            while (end > 0 && !CharKinds.IsWordChar(word[end - 1]))
                end--;
            word = word[..end];
            foreach (string suffix in TitleSuffixes)
            {
                if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length > suffix.Length)
                {
                    word = word[..^suffix.Length];
                    break;
                }
            }
            int start = 0;
            while (start < word.Length && !CharKinds.IsHan(word[start]))
                start++;
            word = word[start..];
            if (word.Length >= 2 && !word.EndsWith("村") && !word.EndsWith("小区") && !word.EndsWith("苑"))
                return word.ToString();
        }
        return Fallback;
    }

    /// <summary>The header read so far.</summary>
    public ChainHeader Build()
    {
        string fallback = ItemNameFromTitle(_title);
        var catalogue = ImmutableArray.CreateBuilder<CatalogueItem>(_drafts.Count);
        foreach (var draft in _drafts)
        {
            var item = CatalogueLine.ToItem(draft, fallback);
            if (!catalogue.Any(c => c.Name == item.Name))
                catalogue.Add(item);
        }
        return new ChainHeader
        {
            Title = _title,
            HasNativeMarker = _native,
            Catalogue = catalogue.ToImmutable(),
            Minimum = _minimum,
            Deadline = _deadline,
            Pickup = _pickup,
            Example = _example,
        };
    }
}
