using System.Collections.Frozen;

using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>
/// The measure words of chains (chain-formats.md, "What and how many") and conversion between units of one kind.
/// </summary>
internal static class Units
{
    private static readonly Unit Jin = new("斤", UnitKind.Weight, 1m);
    private static readonly Unit Kilogram = new("公斤", UnitKind.Weight, 2m);
    private static readonly Unit Gram = new("克", UnitKind.Weight, 0.002m);

    /// <summary>The generic portion, for English piece words (pcs, box): declared before the word list that uses it.</summary>
    private static readonly Unit Portion = new("份", UnitKind.Count, 1m);

    /// <summary>两, a tenth of a 斤: read as a unit only after a number (8两, 一斤二两), where it cannot mean "two".</summary>
    public static readonly Unit Liang = new("两", UnitKind.Weight, 0.1m);

    /// <summary>The 斤 itself, for 斤半 (a 斤 and a half) written without a number.</summary>
    public static Unit JinUnit => Jin;
    private static readonly Unit Millilitre = new("ml", UnitKind.Volume, 1m);
    private static readonly Unit Litre = new("L", UnitKind.Volume, 1000m);

    /// <summary>Single-character count words. 两 is left out on purpose: it is far more often "two" than a weight.</summary>
    private const string CountWords = "份箱袋盒个瓶包只条把提桶罐支板件套颗块根捆组听排打串盆张本对双枚粒片杯碗人位次台辆副卷扎筐兜网棵头尾盘桌单周";

    private static readonly FrozenDictionary<char, Unit> SingleChar = BuildSingleChar();

    private static FrozenDictionary<char, Unit> BuildSingleChar()
    {
        var map = new Dictionary<char, Unit>();
        foreach (char c in CountWords)
            map[c] = new Unit(c.ToString(), UnitKind.Count, 1m);
        map['斤'] = Jin;
        map['克'] = Gram;
        map['升'] = Litre;
        return map.ToFrozenDictionary();
    }

    /// <summary>Multi-character and Latin units, longest first.</summary>
    private static readonly (string Text, Unit Unit)[] Words =
    [
        ("公斤", Kilogram), ("千克", Kilogram), ("毫升", Millilitre),
        ("kg", Kilogram), ("KG", Kilogram), ("Kg", Kilogram), ("ml", Millilitre), ("ML", Millilitre), ("mL", Millilitre),
        ("g", Gram), ("G", Gram), ("L", Litre), ("l", Litre),
        // English words for a piece or a pack stand for whatever the catalogue counts in, like 份.
        ("boxes", Portion), ("box", Portion), ("pcs", Portion), ("pc", Portion), ("packs", Portion), ("pack", Portion),
        ("bags", Portion), ("bag", Portion), ("bottles", Portion), ("bottle", Portion),
    ];

    /// <summary>Reads a unit at the start of <paramref name="text"/>.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, out Unit unit, out int consumed)
    {
        unit = null!;
        consumed = 0;
        if (text.IsEmpty)
            return false;
        char c = text[0];
        // Called after every number: look at the first character before comparing any word.
        if (c < 0x80 ? char.IsAsciiLetter(c) : c is '公' or '千' or '毫')
        {
            foreach (var (word, u) in Words)
            {
                if (text.StartsWith(word, StringComparison.Ordinal)
                    && (word[0] > 0x7F || text.Length == word.Length || !char.IsAsciiLetter(text[word.Length])))
                {
                    unit = u;
                    consumed = word.Length;
                    return true;
                }
            }
            if (c < 0x80)
                return false;
        }
        if (c >= 0x80 && SingleChar.TryGetValue(c, out var single))
        {
            unit = single;
            consumed = 1;
            return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="text"/> starts with a measure word.</summary>
    public static bool StartsWithUnit(ReadOnlySpan<char> text) => TryRead(text, out _, out _);

    /// <summary>True when <paramref name="text"/> starts with a measure word standing alone ("份", "斤 大米"), not a word ("张三").</summary>
    public static bool IsWholeUnitToken(ReadOnlySpan<char> text) =>
        TryRead(text, out _, out int consumed) && (consumed == text.Length || !CharKinds.IsWordChar(text[consumed]));

    /// <summary>The unit named <paramref name="name"/> (a catalogue's unit), or a count unit of that name.</summary>
    public static Unit Named(string name) =>
        TryRead(name, out var unit, out int consumed) && consumed == name.Length ? unit : new Unit(name, UnitKind.Count, 1m);

    /// <summary>
    /// Converts a quantity written in <paramref name="from"/> to the catalogue unit <paramref name="to"/>:
    /// the same unit, a weight to a weight, and 份 (the generic portion) to any counted unit. Anything else
    /// does not convert: 3个 of an item sold by 份 is a mistake worth a question, not a guess.
    /// </summary>
    public static bool TryConvert(decimal quantity, Unit from, Unit to, out decimal converted)
    {
        converted = quantity;
        if (from.Name == to.Name)
            return true;
        if (from.Kind == UnitKind.Weight && to.Kind == UnitKind.Weight)
        {
            converted = quantity * from.Factor / to.Factor;
            return true;
        }
        return from.Kind == UnitKind.Count && to.Kind == UnitKind.Count && from.IsGenericPortion;
    }
}
