using ChainBot.Core.Chains;
using ChainBot.Core.Parsing.Entries;
using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing.Header;

/// <summary>
/// Reads the items of one priced header line: <c>A. 鸡蛋 30枚/盒 25元/盒</c>, <c>牛奶250ml*24盒/箱 ¥68/箱</c>,
/// <c>规格：每份约5斤（8-9个品种），68元/份</c> (no name: the title names the item).
/// Each price owns the text between the previous price and itself.
/// </summary>
internal static class CatalogueLine
{
    private const int MaxPricesPerLine = 16;
    private static readonly string[] Labels = ["商品名称", "商品", "品名", "名称", "规格", "产品", "内容"];

    /// <summary>An item read from a line; a null name is filled in from the title.</summary>
    public readonly record struct Draft(string? Name, string Unit, decimal? Price, string? Spec, string? Code);

    /// <summary>Reads the drafts of a line; <paramref name="menuCode"/> is the code of a circled menu number.</summary>
    public static void Read(ReadOnlySpan<char> line, string? menuCode, List<Draft> drafts)
    {
        Span<Price> prices = new Price[MaxPricesPerLine];
        int count = PriceScanner.Find(line, prices);
        int from = 0;
        for (int k = 0; k < count; k++)
        {
            var segment = line[from..prices[k].Start];
            // Text after the last price up to the end stays with the last item (25元/盒（30枚）).
            var tail = k == count - 1 ? line[prices[k].End..] : [];
            drafts.Add(ReadSegment(segment, tail, prices[k], k == 0 ? menuCode : null));
            from = prices[k].End;
        }
    }

    private static Draft ReadSegment(ReadOnlySpan<char> segment, ReadOnlySpan<char> tail, Price price, string? code)
    {
        var s = SkipDecoration(WithoutStruckPrices(segment).AsSpan().Trim(" ,，;；:：、|"));
        code ??= ReadCode(ref s);
        s = SkipDecoration(StripLabel(s));

        // The name: the leading run of Han or Latin letters (鸡蛋, 牛奶250ml → 牛奶), unless the text is all spec.
        string? name = null;
        int nameEnd = 0;
        if (!s.IsEmpty && !s.StartsWith("每") && !s.StartsWith("约"))
        {
            nameEnd = NameLength(s);
            var candidate = s[..nameEnd].Trim();
            if (!candidate.IsEmpty && !IsAllUnit(candidate))
                name = TrimEmoji(candidate);
            else
                nameEnd = 0;
            if (name is { Length: 0 })
                name = null;
        }

        var specText = s[nameEnd..].Trim(" ,，;；:：、|");
        var tailSpec = tail.Trim(" ,，;；:：、|");
        if (tailSpec.Length > 0 && (tailSpec[0] is '(' or '（'))
            specText = specText.IsEmpty ? tailSpec : specText;
        // 套餐A: the letter is the code.
        if (code is null && name is { Length: >= 2 } && char.IsAsciiLetter(name[^1]) && CharKinds.IsHan(name[^2]))
            code = char.ToUpperInvariant(name[^1]).ToString();

        string unit = price.Unit ?? UnitFromSpec(specText) ?? "份";

        // 10斤/袋 sold by the 袋: the spec is what one unit holds, 10斤.
        int slash = specText.LastIndexOf('/');
        if (slash > 0 && specText[(slash + 1)..].Trim().SequenceEqual(unit))
            specText = specText[..slash].TrimEnd(' ');
        string? spec = specText.IsEmpty ? null : specText.ToString();
        return new Draft(name, unit, price.Value, spec, code);
    }

    /// <summary>The item name a line starts with, decoration skipped (🍉麒麟西瓜 → 麒麟西瓜), or null.</summary>
    public static string? NameOf(ReadOnlySpan<char> text)
    {
        var s = SkipDecoration(text.Trim(' '));
        int n = NameLength(s);
        return n == 0 ? null : TrimEmoji(s[..n]);
    }

    /// <summary>
    /// How long the item's name is at the start of <paramref name="s"/>: Han and Latin letters, emoji inside, and
    /// digits that go on as a name (丹东99草莓, 1号套餐) rather than as a spec (牛奶250ml, 大米10斤).
    /// </summary>
    private static int NameLength(ReadOnlySpan<char> s)
    {
        int n = 0;
        while (n < s.Length)
        {
            char c = s[n];
            if (CharKinds.IsHan(c) || char.IsAsciiLetter(c) || (n > 0 && IsEmoji(s, n)))
            {
                n++;
                continue;
            }
            if (!char.IsAsciiDigit(c))
                break;
            int d = n;
            while (d < s.Length && char.IsAsciiDigit(s[d]))
                d++;
            bool numberedKind = n == 0 && d < s.Length && s[d] is '号' or '款' or '种' && d + 1 < s.Length && CharKinds.IsHan(s[d + 1]);
            bool inside = n > 0 && d < s.Length && CharKinds.IsHan(s[d]) && !Units.StartsWithUnit(s[d..]);
            if (!numberedKind && !inside)
                break;
            n = d;
        }
        return n;
    }

    /// <summary>Emoji and symbols that decorate an item line (🥚 鸡蛋, ★大米): not part of the name.</summary>
    private static ReadOnlySpan<char> SkipDecoration(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (i < s.Length && !CharKinds.IsWordChar(s[i]) && !SequenceNumbers.TryCircled(s[i], out _) && s[i] is not ('(' or '（'))
            i++;
        return s[i..].TrimStart(' ');
    }

    /// <summary>原价88, 市场价108: a struck-through price is neither the price nor part of the name.</summary>
    private static string WithoutStruckPrices(ReadOnlySpan<char> segment)
    {
        var text = segment.ToString();
        foreach (string label in PriceScanner.StruckLabels)
        {
            int i;
            while ((i = text.IndexOf(label, StringComparison.Ordinal)) >= 0)
            {
                int end = i + label.Length;
                while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or ':' or '：' or '¥' or '￥' or ' '))
                    end++;
                if (end < text.Length && text[end] is '元' or '块')
                    end++;
                text = string.Concat(text.AsSpan(0, i), text.AsSpan(end));
            }
        }
        return text;
    }

    /// <summary>A. A、 A) (A) A: ① at the start of an item.</summary>
    private static string? ReadCode(ref ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
            return null;
        if (SequenceNumbers.TryCircled(s[0], out int circled))
        {
            s = s[1..].TrimStart(" .、");
            return circled.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (s.Length >= 3 && s[0] is '(' or '（' && char.IsAsciiLetter(s[1]) && s[2] is ')' or '）')
        {
            string bracketed = char.ToUpperInvariant(s[1]).ToString();
            s = s[3..].TrimStart(' ');
            return bracketed;
        }
        if (s.Length >= 2 && char.IsAsciiLetter(s[0]) && s[1] is '.' or '、' or ')' or '）' or ':' or '：' or ' '
            && !(s.Length > 2 && char.IsAsciiLetter(s[2])))
        {
            string letter = char.ToUpperInvariant(s[0]).ToString();
            s = s[2..].TrimStart(' ');
            return letter;
        }
        return null;
    }

    private static ReadOnlySpan<char> StripLabel(ReadOnlySpan<char> s)
    {
        foreach (string label in Labels)
        {
            if (s.StartsWith(label, StringComparison.Ordinal))
            {
                var rest = s[label.Length..];
                if (!rest.IsEmpty && rest[0] is ':' or '：' or ' ')
                    return rest[1..].TrimStart(' ');
            }
        }
        return s;
    }

    /// <summary>250ml*24盒/箱 → 箱: the unit after the last slash of a spec.</summary>
    private static string? UnitFromSpec(ReadOnlySpan<char> spec)
    {
        int slash = spec.LastIndexOf('/');
        if (slash >= 0 && slash + 1 < spec.Length && Units.TryRead(spec[(slash + 1)..], out var unit, out _) && unit.Kind == UnitKind.Count)
            return unit.Name;
        return null;
    }

    private static bool IsAllUnit(ReadOnlySpan<char> text) => Units.TryRead(text, out _, out int n) && n == text.Length;

    private static bool IsEmoji(ReadOnlySpan<char> s, int i) => char.IsSurrogate(s[i]);

    private static string TrimEmoji(ReadOnlySpan<char> name)
    {
        int end = name.Length;
        while (end > 0 && char.IsSurrogate(name[end - 1]))
            end--;
        return name[..end].ToString();
    }

    /// <summary>Makes the catalogue item; a draft without a name takes <paramref name="fallbackName"/>.</summary>
    public static CatalogueItem ToItem(Draft draft, string fallbackName) =>
        new(string.IsNullOrEmpty(draft.Name) ? fallbackName : draft.Name, draft.Unit, draft.Price, draft.Spec, draft.Code);
}
