using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ChainBot.Core.Chains;
using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>Items: quantities paired with catalogue items (or, in a roster, with what is asked for).</summary>
internal sealed partial class EntryReader
{
    /// <summary>
    /// What an entry orders of each catalogue item, worked out in arrays kept from entry to entry (the catalogue, and
    /// so their size, is the reader's for good): OrderItems and Combination take nothing on the stack, and are
    /// compiled in tiers, with the profile the runtime gathers, like the rest of the reader.
    /// </summary>
    private sealed class ItemScratch(int count)
    {
        public decimal[] Quantities { get; } = new decimal[count];
        public int[] UnitToken { get; } = new int[count];
        public byte[] State { get; } = new byte[count];
        public int[] FirstMention { get; } = new int[count];
        public decimal[] Converted { get; } = new decimal[count];
        public int[] Order { get; } = new int[count];
        public int[] Bits { get; } = new int[4];
    }

    private ImmutableArray<ItemQuantity> OrderItems(ReadOnlySpan<char> s, Span<EntryToken> tokens, ref EntryFacts facts)
    {
        // Per catalogue item: the quantity written, and the token whose unit it was written in (-1: none).
        int count = _catalogue.Count;
        var scratch = _itemScratch;
        Span<decimal> quantities = scratch.Quantities;
        Span<int> unitToken = scratch.UnitToken;
        Span<byte> state = scratch.State; // 0 none, 1 quantity, 2 named only
        quantities.Clear();
        state.Clear();
        bool anyItem = false;

        SupersedeCorrected(tokens, facts.CorrectionFrom);
        CancelOneItem(s, tokens, ref facts);
        Span<int> firstMention = scratch.FirstMention;
        firstMention.Fill(int.MaxValue);
        for (int t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Kind != EntryTokenKind.Item)
                continue;
            anyItem = true;
            int k = tokens[t].Item;
            firstMention[k] = Math.Min(firstMention[k], tokens[t].Start);
            int q = PairQuantity(s, tokens, t);
            if (q >= 0)
            {
                MarkUsed(tokens, q);
                Accumulate(tokens, quantities, unitToken, state, k, q);
            }
            else if (state[k] == 0)
            {
                state[k] = 2;
            }
        }

        for (int t = 0; t + 1 < tokens.Length; t++)
        {
            if (tokens[t].Kind != EntryTokenKind.Each)
                continue;
            MarkUsed(tokens, t + 1);
            // 各1份 applies to the items named without a number, else to every item.
            bool anyNamed = state.Contains((byte)2);
            for (int k = 0; k < count; k++)
            {
                if (!anyNamed || state[k] == 2)
                {
                    state[k] = 0;
                    Accumulate(tokens, quantities, unitToken, state, k, t + 1);
                }
            }
        }

        // A quantity with no item: the only item of a one-item chain (3号楼201 陈先生 1) — unless the line names
        // something else the catalogue does not sell (苹果 2份, D1), which the quantity is for.
        bool unknownNamed = !anyItem && (NamesUnknownCode(s, tokens) || NamesGoods(s, tokens));
        if (unknownNamed)
            facts.ItemNotInCatalogue = true;
        for (int t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Kind != EntryTokenKind.Quantity || tokens[t].Used)
                continue;
            if (!anyItem && (unknownNamed || NamesUnknownItem(tokens, t, s)))
            {
                facts.ItemNotInCatalogue = true;
            }
            else if (!anyItem && count == 1 && state[0] == 0)
            {
                MarkUsed(tokens, t);
                Accumulate(tokens, quantities, unitToken, state, 0, t);
            }
            else if (!anyItem && count > 1 && OnlyItemSoldBy(tokens[t].Quantity.Unit) is int k and >= 0 && state[k] == 0)
            {
                // 2份 in a chain of 蔬菜套餐 by the 份 and 鸡蛋 by the 盒: the unit names the item.
                MarkUsed(tokens, t);
                Accumulate(tokens, quantities, unitToken, state, k, t);
            }
            else if (!anyItem && count > 1)
            {
                facts.ItemNotNamed = true;
            }
        }

        int items = 0;
        Span<decimal> converted = scratch.Converted;
        for (int k = 0; k < count; k++)
        {
            if (state[k] == 0)
                continue;
            // Items named without a number: one each (鸡蛋 牛奶 → 1 each; a+c).
            decimal written = state[k] == 2 ? 1m : quantities[k];
            var target = _catalogue.Units[k];
            var unit = state[k] == 1 && unitToken[k] >= 0 ? tokens[unitToken[k]].Quantity.Unit ?? target : target;
            if (!Units.TryConvert(written, unit, target, out converted[k]))
            {
                facts.UnitMismatch = true;
                state[k] = 0;
            }
            else if (converted[k] == 0)
            {
                facts.ZeroQuantity = true;
                state[k] = 0;
            }
            else
            {
                items++;
            }
        }
        if (items == 0)
            return [];
        // In the order the line names them (牛奶2箱 鸡蛋1盒); 各1份 and a bare number follow the catalogue.
        Span<int> order = scratch.Order.AsSpan(0, items);
        for (int k = 0, n = 0; k < count; k++)
        {
            if (state[k] != 0)
                order[n++] = k;
        }
        for (int a = 1; a < items; a++)
        {
            int key = order[a], b = a - 1;
            while (b >= 0 && firstMention[order[b]] > firstMention[key])
            {
                order[b + 1] = order[b];
                b--;
            }
            order[b + 1] = key;
        }
        return Combination(order, converted);
    }

    /// <summary>
    /// The items <paramref name="order"/> names in their <paramref name="quantities"/>. The same combination
    /// (蔬菜套餐 × 1, most entries of most chains; 鸡蛋1 牛奶2) recurs down a chain: the latest array made for each
    /// is kept in a small table and shared.
    /// </summary>
    private ImmutableArray<ItemQuantity> Combination(ReadOnlySpan<int> order, ReadOnlySpan<decimal> quantities)
    {
        var hash = new HashCode();
        Span<int> bits = _itemScratch.Bits;
        foreach (int k in order)
        {
            hash.Add(k);
            decimal.GetBits(quantities[k], bits);
            hash.Add(bits[0]);
            hash.Add(bits[3]); // sign and scale: 3 and 3.0 are different combinations
        }
        int slot = hash.ToHashCode() & (_combinations.Length - 1);
        if (_combinations[slot] is { } kept && IsCombination(kept, order, quantities))
            return ImmutableCollectionsMarshal.AsImmutableArray(kept);
        var result = new ItemQuantity[order.Length];
        for (int n = 0; n < order.Length; n++)
        {
            int k = order[n];
            result[n] = new ItemQuantity(_catalogue.Items[k].Name, quantities[k], _catalogue.Items[k].Unit);
        }
        _combinations[slot] = result;
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private bool IsCombination(ItemQuantity[] kept, ReadOnlySpan<int> order, ReadOnlySpan<decimal> quantities)
    {
        if (kept.Length != order.Length)
            return false;
        for (int n = 0; n < kept.Length; n++)
        {
            var catalogued = _catalogue.Items[order[n]];
            decimal quantity = quantities[order[n]];
            if (!ReferenceEquals(kept[n].Item, catalogued.Name) || !ReferenceEquals(kept[n].Unit, catalogued.Unit)
                || kept[n].Quantity != quantity || kept[n].Quantity.Scale != quantity.Scale)
                return false;
        }
        return true;
    }

    /// <summary>
    /// The quantity that goes with the item at <paramref name="t"/>: the one after it (鸡蛋1, 牛奶 x2), or the one
    /// glued before it (两箱牛奶) — unless the one after is glued to the next item as its own (两箱牛奶 一盒鸡蛋).
    /// </summary>
    private static int PairQuantity(ReadOnlySpan<char> s, Span<EntryToken> tokens, int t)
    {
        // 两箱牛奶 (a quantity with its unit before the item), and 2A (a bare number glued to a code).
        bool leftAny = t > 0 && tokens[t - 1].Kind == EntryTokenKind.Quantity && !tokens[t - 1].Used
            && (t < 2 || tokens[t - 2].Kind != EntryTokenKind.Each);
        bool leftGlued = leftAny && tokens[t - 1].End == tokens[t].Start;
        bool codeItem = tokens[t].End - tokens[t].Start == 1 && char.IsAsciiLetter(s[tokens[t].Start]);
        bool hasLeft = leftAny && (tokens[t - 1].Quantity.Unit is not null || (leftGlued && codeItem));
        // 肉松小贝1盒→2盒: quantities a correction set aside are stepped over.
        int r = t + 1;
        while (r < tokens.Length && tokens[r].Kind == EntryTokenKind.Quantity && tokens[r].Used)
            r++;
        if (r > t + 1 && r < tokens.Length && tokens[r].Kind == EntryTokenKind.Quantity)
            return r;
        bool hasRight = t + 1 < tokens.Length && tokens[t + 1].Kind == EntryTokenKind.Quantity && !tokens[t + 1].Used;
        // 两箱牛奶 一盒鸡蛋, 2箱牛奶1盒鸡蛋: when quantities come first, the one after an item is the next item's.
        bool rightBelongsToNext = hasRight && t + 2 < tokens.Length
            && tokens[t + 2].Kind == EntryTokenKind.Item && tokens[t + 1].End == tokens[t + 2].Start
            && (tokens[t + 1].Quantity.Unit is not null || (hasLeft && leftGlued))
            && (tokens[t].End != tokens[t + 1].Start || leftGlued);
        if (hasRight && !rightBelongsToNext && !(leftGlued && tokens[t].End != tokens[t + 1].Start))
            return t + 1;
        return hasLeft ? t - 1 : -1;
    }

    /// <summary>
    /// 牛奶一箱 鸡蛋不要了: a cancellation right after an item, in a line that orders something else, drops that item
    /// and keeps the rest; the words stay as a note for the coordinator.
    /// </summary>
    private static void CancelOneItem(ReadOnlySpan<char> s, Span<EntryToken> tokens, ref EntryFacts facts)
    {
        if (!facts.Cancelled || facts.CancelAt <= 0)
            return;
        int cancelled = -1;
        bool others = false;
        for (int t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Kind != EntryTokenKind.Item)
                continue;
            if (tokens[t].End <= facts.CancelAt && s[tokens[t].End..facts.CancelAt].Trim(' ').IsEmpty)
                cancelled = t;
            else
                others = true;
        }
        if (cancelled < 0 || !others)
            return;
        MarkUsed(tokens, cancelled);
        tokens[cancelled].Kind = EntryTokenKind.Word; // no longer an item: no quantity pairs with it
        facts.Cancelled = false;
        facts.AddNote(tokens[cancelled].Start, string.Concat(s[tokens[cancelled].Start..tokens[cancelled].End], s[facts.CancelAt..facts.CancelEnd]));
    }

    /// <summary>
    /// 1份改2份: quantities before the correction marker give way to the ones after it — only those of the item
    /// being corrected (牛奶2箱 酸奶改1提 corrects the yoghurt, not the milk).
    /// </summary>
    private static void SupersedeCorrected(Span<EntryToken> tokens, int correctionFrom)
    {
        if (correctionFrom <= 0)
            return;
        bool after = false;
        int lastItemBefore = -1;
        for (int t = 0; t < tokens.Length; t++)
        {
            after |= tokens[t].Kind == EntryTokenKind.Quantity && tokens[t].Start >= correctionFrom;
            if (tokens[t].Kind == EntryTokenKind.Item && tokens[t].End <= correctionFrom)
                lastItemBefore = t;
        }
        if (!after)
            return;
        for (int t = lastItemBefore + 1; t < tokens.Length; t++)
        {
            if (tokens[t].Kind == EntryTokenKind.Quantity && tokens[t].Start < correctionFrom)
                MarkUsed(tokens, t);
        }
    }

    /// <summary>
    /// 吴 苹果2斤: a word other than the name, glued to a lone quantity, names something the catalogue lacks.
    /// </summary>
    private static bool NamesUnknownItem(Span<EntryToken> tokens, int t, ReadOnlySpan<char> s) =>
        t >= 1 && tokens[t - 1].Kind == EntryTokenKind.Word && !tokens[t - 1].Used && tokens[t - 1].End == tokens[t].Start
        && !s[tokens[t - 1].Start..tokens[t - 1].End].ContainsAny(NameEnders);

    private static readonly SearchValues<char> NameEnders = SearchValues.Create("姨叔奶爷生士姐哥婆公妈爸家");

    /// <summary>苹果 in a chain that sells 蔬菜套餐: a word the lexicon knows as goods, and the catalogue does not sell.</summary>
    private bool NamesGoods(ReadOnlySpan<char> s, Span<EntryToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Kind == EntryTokenKind.Word && _lexicon.IsGoods(s[token.Start..token.End]))
                return true;
        }
        return false;
    }

    /// <summary>D1 where the catalogue has codes A–C: a code it does not have.</summary>
    private bool NamesUnknownCode(ReadOnlySpan<char> s, Span<EntryToken> tokens)
    {
        if (!_catalogue.HasCodes)
            return false;
        foreach (var token in tokens)
        {
            if (token.Kind != EntryTokenKind.Word || token.Used)
                continue;
            var word = s[token.Start..token.End];
            if (word.Length >= 2 && char.IsAsciiLetter(word[0]) && CharKinds.LeadingDigits(word[1..]) == word.Length - 1)
                return true;
        }
        return false;
    }

    /// <summary>Adds quantity token <paramref name="q"/> to item <paramref name="k"/>; a second quantity in another unit is ignored.</summary>
    private static void Accumulate(Span<EntryToken> tokens, Span<decimal> quantities, Span<int> unitToken, Span<byte> state, int k, int q)
    {
        var quantity = tokens[q].Quantity;
        if (state[k] == 1)
        {
            if (tokens[unitToken[k]].Quantity.Unit?.Name == quantity.Unit?.Name)
                quantities[k] += quantity.Value;
            return;
        }
        state[k] = 1;
        quantities[k] = quantity.Value;
        unitToken[k] = q;
    }

    /// <summary>
    /// A roster has no catalogue: a quantity names what is asked for by the word before it
    /// (氨氯地平 2盒). Words stay words; a quantity with nothing before it goes to the note.
    /// </summary>
    private static ImmutableArray<ItemQuantity> RosterItems(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, Span<EntryToken> tokens, int nameToken, ref EntryFacts facts)
    {
        var builder = ImmutableArray.CreateBuilder<ItemQuantity>();
        for (int t = 0; t < tokens.Length; t++)
        {
            var q = tokens[t];
            if (q.Kind != EntryTokenKind.Quantity)
                continue;
            int w = t - 1;
            // 苯磺酸氨氯地平片 5mg 2盒: the dose between the medicine and its quantity stays a note.
            while (w >= 0 && tokens[w].Kind == EntryTokenKind.Word && !tokens[w].Used && char.IsAsciiDigit(s[tokens[w].Start]))
                w--;
            if (w < 0 || tokens[w].Kind != EntryTokenKind.Word || tokens[w].Used || (w == nameToken && tokens[w].Start == tokens[w].End))
                continue;
            var word = tokens[w];
            string item = FreeText(s, consumed, word.Start, word.End);
            if (item.Length == 0)
                continue;
            MarkUsed(tokens, w);
            MarkUsed(tokens, t);
            if (q.Quantity.Value == 0)
            {
                facts.ZeroQuantity = true;
                continue;
            }
            builder.Add(new ItemQuantity(item, q.Quantity.Value, q.Quantity.Unit?.Name ?? "份"));
        }
        return builder.ToImmutable();
    }

    /// <summary>The one catalogue item sold by <paramref name="unit"/>; -1 when none or several are, or no unit was written.</summary>
    private int OnlyItemSoldBy(Unit? unit)
    {
        if (unit is null)
            return -1;
        int found = -1;
        for (int k = 0; k < _catalogue.Count; k++)
        {
            if (_catalogue.Units[k].Name != unit.Name)
                continue;
            if (found >= 0)
                return -1;
            found = k;
        }
        return found;
    }
}
