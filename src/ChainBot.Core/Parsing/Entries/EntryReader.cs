using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using ChainBot.Core.Chains;
using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>
/// Reads the text of one entry (after its sequence number) into a <see cref="ChainEntry"/>, or says why it cannot.
/// Scanners run in a fixed order over normalized text, each marking what it took so later ones skip it:
/// phone numbers, brackets (notes, （代）), markers (取消, 改, 代登记), the address, specs (250ml*24), then items,
/// quantities and words. What is left names the household and makes the note.
/// </summary>
/// <remarks>One per post (it pools the post's strings); not thread-safe.</remarks>
internal sealed class EntryReader
{
    [ThreadStatic]
    private static List<EntryToken>? t_tokens;

    private readonly CatalogueIndex _catalogue;
    private readonly bool _roster;
    private readonly StringPool _pool = new();

    public EntryReader(CatalogueIndex catalogue)
    {
        _catalogue = catalogue;
        _roster = catalogue.IsEmpty;
    }

    /// <summary>Reads normalized entry text <paramref name="s"/>.</summary>
    /// <param name="s">The entry's text after its number, normalized.</param>
    /// <param name="seq">Its sequence number.</param>
    /// <param name="line">The line as posted, phone numbers masked, for <see cref="ChainEntry.Line"/>.</param>
    /// <param name="lineNumber">1-based line number.</param>
    public EntryRead Read(ReadOnlySpan<char> s, int? seq, string line, int lineNumber)
    {
        Span<bool> consumed = s.Length <= 512 ? stackalloc bool[s.Length] : new bool[s.Length];
        consumed.Clear();
        var facts = new EntryFacts();

        ReadPhones(s, consumed, ref facts);
        ReadBrackets(s, consumed, ref facts);
        ReadMarkers(s, consumed, ref facts);
        Address address = default;
        if (AddressScanner.TryFind(s, consumed, _pool, out var match))
        {
            address = match.Address;
            consumed[match.Start..match.End].Fill(true);
        }
        SkipSpecs(s, consumed);

        var tokens = t_tokens ??= new List<EntryToken>(16);
        tokens.Clear();
        Tokenize(s, consumed, tokens);

        int nameToken = FindNameToken(tokens);
        string? name = null;
        if (nameToken >= 0)
            name = ReadName(s, consumed, tokens, nameToken, _pool);

        var items = _roster ? RosterItems(s, consumed, tokens, nameToken, ref facts) : OrderItems(tokens, ref facts);
        CollectNotes(s, consumed, tokens, ref facts);

        if (address.IsEmpty && name is null)
            return EntryRead.Unread(UnreadReasons.NoHousehold);

        var status = facts.Cancelled ? EntryStatus.Cancelled : EntryStatus.Active;
        if (!_roster && status == EntryStatus.Active)
        {
            if (facts.ZeroQuantity && items.IsEmpty)
                status = EntryStatus.Cancelled;
            else if (items.IsEmpty)
                return EntryRead.Unread(facts.UnitMismatch ? UnreadReasons.UnitMismatch
                    : facts.ItemNotInCatalogue ? UnreadReasons.ItemNotInCatalogue
                    : facts.ItemNotNamed ? UnreadReasons.ItemNotNamed
                    : UnreadReasons.NoQuantity);
        }

        return EntryRead.Read(new ChainEntry
        {
            Seq = seq,
            Address = address,
            Name = name,
            Items = items,
            Note = facts.Note,
            Status = status,
            IsCorrection = facts.Correction,
            OnBehalf = facts.OnBehalf,
            Phone = facts.Phone,
            Line = line,
            LineNumber = lineNumber,
        });
    }

    private static void ReadPhones(ReadOnlySpan<char> s, Span<bool> consumed, ref EntryFacts facts)
    {
        int from = 0;
        while (from < s.Length && PhoneNumbers.TryFind(s[from..], out int start, out int length))
        {
            start += from;
            if (facts.Phone is null)
            {
                var digits = new StringBuilder(PhoneNumbers.Length);
                foreach (char c in s.Slice(start, length))
                {
                    if (c is not (' ' or '-'))
                        digits.Append(c);
                }
                facts.Phone = digits.ToString();
            }
            consumed.Slice(start, length).Fill(true);
            from = start + length;
        }
    }

    /// <summary>（…） (…) 【…】 […]: notes, or （代） for an entry made on someone's behalf.</summary>
    private static void ReadBrackets(ReadOnlySpan<char> s, Span<bool> consumed, ref EntryFacts facts)
    {
        for (int i = s.IndexOfAny(Openers); i >= 0 && i < s.Length; i = Next(s, i, Openers))
        {
            char close = s[i] switch { '(' => ')', '（' => '）', '【' => '】', '[' => ']', '〔' => '〕', '「' => '」', '『' => '』', _ => '\0' };
            if (close == '\0' || consumed[i])
                continue;
            int j = s[(i + 1)..].IndexOfAny(close, close == ')' ? '）' : close == '）' ? ')' : close);
            if (j < 0)
                continue;
            j += i + 1;
            var inner = s[(i + 1)..j].Trim(' ');
            if (Markers.IsBehalfNote(inner))
                facts.OnBehalf = true;
            else
                facts.AddNote(i, FreeText(s, consumed, i + 1, j));
            consumed[i..(j + 1)].Fill(true);
            i = j;
        }
    }

    private static readonly SearchValues<char> Openers = SearchValues.Create("(（【[〔「『");

    private static int Next(ReadOnlySpan<char> s, int i, SearchValues<char> values)
    {
        if (i + 1 >= s.Length)
            return -1;
        int next = s[(i + 1)..].IndexOfAny(values);
        return next < 0 ? -1 : i + 1 + next;
    }

    private static void ReadMarkers(ReadOnlySpan<char> s, Span<bool> consumed, ref EntryFacts facts)
    {
        if (!s.ContainsAny(Markers.FirstChars))
            return;
        facts.Cancelled |= TakeAny(s, consumed, Markers.Cancel);
        facts.Correction |= TakeAny(s, consumed, Markers.Correction) || TakeBareChange(s, consumed);
        facts.OnBehalf |= TakeAny(s, consumed, Markers.OnBehalf) || TakeHelpPhrase(s, consumed) || TakeLeading(s, consumed);
    }

    private static bool TakeAny(ReadOnlySpan<char> s, Span<bool> consumed, string[] words)
    {
        bool found = false;
        foreach (string word in words)
        {
            int i = s.IndexOf(word, StringComparison.Ordinal);
            if (i >= 0 && !consumed[i])
            {
                consumed.Slice(i, word.Length).Fill(true);
                found = true;
            }
        }
        return found;
    }

    /// <summary>改2份, 改 3份, 改两份: a bare 改 counts only before a quantity.</summary>
    private static bool TakeBareChange(ReadOnlySpan<char> s, Span<bool> consumed)
    {
        int i = s.IndexOf('改');
        if (i < 0 || consumed[i])
            return false;
        int p = i + 1;
        while (p < s.Length && s[p] == ' ')
            p++;
        if (p == s.Length || !QuantityScanner.CanStart(s[p]))
            return false;
        consumed[i] = true;
        return true;
    }

    /// <summary>帮5号102王奶奶接龙: 帮 … 接龙 around the household's own line.</summary>
    private static bool TakeHelpPhrase(ReadOnlySpan<char> s, Span<bool> consumed)
    {
        int i = s.IndexOf('帮');
        if (i < 0 || consumed[i])
            return false;
        foreach (string closer in Markers.HelpClosers)
        {
            int j = s[(i + 1)..].IndexOf(closer, StringComparison.Ordinal);
            if (j > 0 && !consumed[i + 1 + j])
            {
                consumed[i] = true;
                consumed.Slice(i + 1 + j, closer.Length).Fill(true);
                return true;
            }
        }
        return false;
    }

    /// <summary>代: 5-102 …, 线下 5-102 …: a leading 代 or 线下 standing alone.</summary>
    private static bool TakeLeading(ReadOnlySpan<char> s, Span<bool> consumed)
    {
        int i = 0;
        while (i < s.Length && (s[i] == ' ' || consumed[i]))
            i++;
        var rest = s[i..];
        int length = rest.StartsWith(Markers.Offline) ? Markers.Offline.Length : rest.StartsWith("代") ? 1 : 0;
        if (length == 0 || (length < rest.Length && !(CharKinds.IsSeparator(rest[length]) || char.IsAsciiDigit(rest[length]))))
            return false;
        consumed.Slice(i, length).Fill(true);
        if (i + length < s.Length && s[i + length] is ':' or '：')
            consumed[i + length] = true;
        return true;
    }

    /// <summary>250ml*24盒/箱, 500g*2: packaging written in an entry is never a quantity ordered.</summary>
    private static void SkipSpecs(ReadOnlySpan<char> s, Span<bool> consumed)
    {
        for (int i = 1; i + 1 < s.Length; i++)
        {
            if (s[i] != '*' || consumed[i] || !char.IsAsciiLetterOrDigit(s[i - 1]) || !char.IsAsciiDigit(s[i + 1]))
                continue;
            // Only a spec when a unit of volume or weight stands before the '*': 牛奶*2 is an order of two.
            int a = i - 1;
            while (a > 0 && (char.IsAsciiLetterOrDigit(s[a - 1]) || s[a - 1] == '.') && !consumed[a - 1])
                a--;
            if (!char.IsAsciiDigit(s[a]) || !s[a..i].ContainsAny("mlLgG"))
                continue;
            int b = i + 1;
            while (b < s.Length && char.IsAsciiDigit(s[b]))
                b++;
            if (b < s.Length && Units.TryRead(s[b..], out _, out int unitLength))
                b += unitLength;
            if (b + 1 < s.Length && s[b] == '/' && Units.TryRead(s[(b + 1)..], out _, out int perLength))
                b += 1 + perLength;
            consumed[a..b].Fill(true);
            i = b;
        }
    }

    private void Tokenize(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, List<EntryToken> tokens)
    {
        int wordStart = -1;
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (consumed[i] || (CharKinds.IsSeparator(c) && c != '-') || (c == '-' && wordStart < 0))
            {
                CloseWord(tokens, ref wordStart, i);
                i++;
                continue;
            }
            bool inWord = wordStart >= 0;
            if (_catalogue.MayStart(c) && _catalogue.TryMatch(s, i, out int item, out int length) && IsFree(consumed, i, i + length))
            {
                CloseWord(tokens, ref wordStart, i);
                tokens.Add(new EntryToken { Kind = EntryTokenKind.Item, Start = i, End = i + length, Item = item });
                i += length;
                continue;
            }
            if (c == '各' && i + 1 < s.Length && QuantityScanner.TryRead(s, i + 1, out var each) && IsFree(consumed, i, each.End))
            {
                CloseWord(tokens, ref wordStart, i);
                tokens.Add(new EntryToken { Kind = EntryTokenKind.Each, Start = i, End = i + 1 });
                tokens.Add(new EntryToken { Kind = EntryTokenKind.Quantity, Start = i + 1, End = each.End, Quantity = each });
                i = each.End;
                continue;
            }
            bool afterLatin = inWord && i > 0 && char.IsAsciiLetterOrDigit(s[i - 1]) && !consumed[i - 1];
            if (QuantityScanner.CanStart(c) && !afterLatin && QuantityScanner.TryRead(s, i, out var quantity)
                && IsFree(consumed, i, quantity.End) && IsQuantityHere(s, consumed, quantity))
            {
                CloseWord(tokens, ref wordStart, i);
                if (quantity.Unit?.Kind != UnitKind.Volume)
                    tokens.Add(new EntryToken { Kind = EntryTokenKind.Quantity, Start = i, End = quantity.End, Quantity = quantity });
                i = quantity.End;
                continue;
            }
            if (wordStart < 0)
                wordStart = i;
            i++;
        }
        CloseWord(tokens, ref wordStart, s.Length);
    }

    /// <summary>A bare number is a quantity only where a quantity can end: before a space, a mark, or an item.</summary>
    private bool IsQuantityHere(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, QuantityToken q)
    {
        if (q.Unit is not null)
            return true;
        int e = q.End;
        if (e == s.Length || consumed[e])
            return true;
        char c = s[e];
        if (c == '.' || c == '-' || char.IsAsciiLetterOrDigit(c))
            return c == '.' && (e + 1 == s.Length || !char.IsAsciiDigit(s[e + 1]));
        if (CharKinds.IsSeparator(c) || c == '+')
            return true;
        return _catalogue.MayStart(c) && _catalogue.TryMatch(s, e, out _, out _);
    }

    private static void CloseWord(List<EntryToken> tokens, ref int wordStart, int end)
    {
        if (wordStart < 0)
            return;
        tokens.Add(new EntryToken { Kind = EntryTokenKind.Word, Start = wordStart, End = end });
        wordStart = -1;
    }

    private static bool IsFree(ReadOnlySpan<bool> consumed, int start, int end) => !consumed[start..end].Contains(true);

    /// <summary>The name is the first word before any item or quantity; else a short first word after them.</summary>
    private static int FindNameToken(List<EntryToken> tokens)
    {
        const int MaxTrailingNameLength = 8;
        bool orderSeen = false;
        for (int t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].Kind != EntryTokenKind.Word)
            {
                orderSeen = true;
                continue;
            }
            return !orderSeen || tokens[t].End - tokens[t].Start <= MaxTrailingNameLength ? t : -1;
        }
        return -1;
    }

    /// <summary>The name token's text; words glued after an honorific (王阿姨放门口) go to the note.</summary>
    private static string? ReadName(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, List<EntryToken> tokens, int t, StringPool pool)
    {
        var token = tokens[t];
        var text = s[token.Start..token.End];
        int end = Honorifics.NameEnd(text);
        if (end > 0 && end < text.Length)
        {
            // Keep the rest as its own word: a roster item (刘阿姨氨氯地平) or a note.
            token.Start += end;
            tokens[t] = token;
            return pool.Get(s.Slice(token.Start - end, end));
        }
        token.Used = true;
        tokens[t] = token;
        string whole = FreeText(s, consumed, token.Start, token.End, pool);
        return whole.Length == 0 ? null : whole;
    }

    private ImmutableArray<ItemQuantity> OrderItems(List<EntryToken> tokens, ref EntryFacts facts)
    {
        // Per catalogue item: the quantity written, and the token whose unit it was written in (-1: none).
        int count = _catalogue.Count;
        Span<decimal> quantities = count <= 64 ? stackalloc decimal[count] : new decimal[count];
        Span<int> unitToken = count <= 64 ? stackalloc int[count] : new int[count];
        Span<byte> state = count <= 64 ? stackalloc byte[count] : new byte[count]; // 0 none, 1 quantity, 2 named only
        quantities.Clear();
        state.Clear();
        bool anyItem = false;

        for (int t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].Kind != EntryTokenKind.Item)
                continue;
            anyItem = true;
            int k = tokens[t].Item;
            int q = -1;
            if (t + 1 < tokens.Count && tokens[t + 1].Kind == EntryTokenKind.Quantity && !tokens[t + 1].Used)
                q = t + 1;
            else if (t > 0 && tokens[t - 1].Kind == EntryTokenKind.Quantity && !tokens[t - 1].Used && tokens[t - 1].Quantity.Unit is not null
                     && (t < 2 || tokens[t - 2].Kind != EntryTokenKind.Each))
                q = t - 1;
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

        for (int t = 0; t + 1 < tokens.Count; t++)
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

        // A quantity with no item: the only item of a one-item chain (3号楼201 陈先生 1).
        for (int t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].Kind != EntryTokenKind.Quantity || tokens[t].Used)
                continue;
            if (!anyItem && NamesUnknownItem(tokens, t))
            {
                facts.ItemNotInCatalogue = true;
            }
            else if (!anyItem && count == 1 && state[0] == 0)
            {
                MarkUsed(tokens, t);
                Accumulate(tokens, quantities, unitToken, state, 0, t);
            }
            else if (!anyItem && count > 1)
            {
                facts.ItemNotNamed = true;
            }
        }

        int items = 0;
        Span<decimal> converted = count <= 64 ? stackalloc decimal[count] : new decimal[count];
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
        var result = new ItemQuantity[items];
        for (int k = 0, n = 0; k < count; k++)
        {
            if (state[k] != 0)
                result[n++] = new ItemQuantity(_catalogue.Items[k].Name, converted[k], _catalogue.Items[k].Unit);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>
    /// 吴 苹果2斤: a word other than the name, glued to a lone quantity, names something the catalogue lacks.
    /// </summary>
    private static bool NamesUnknownItem(List<EntryToken> tokens, int t) =>
        t >= 1 && tokens[t - 1].Kind == EntryTokenKind.Word && !tokens[t - 1].Used && tokens[t - 1].End == tokens[t].Start;

    /// <summary>Adds quantity token <paramref name="q"/> to item <paramref name="k"/>; a second quantity in another unit is ignored.</summary>
    private static void Accumulate(List<EntryToken> tokens, Span<decimal> quantities, Span<int> unitToken, Span<byte> state, int k, int q)
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

    private static void MarkUsed(List<EntryToken> tokens, int t)
    {
        var token = tokens[t];
        token.Used = true;
        tokens[t] = token;
    }

    /// <summary>
    /// A roster has no catalogue: a quantity names what is asked for by the word before it
    /// (氨氯地平 2盒). Words stay words; a quantity with nothing before it goes to the note.
    /// </summary>
    private static ImmutableArray<ItemQuantity> RosterItems(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, List<EntryToken> tokens, int nameToken, ref EntryFacts facts)
    {
        var builder = ImmutableArray.CreateBuilder<ItemQuantity>();
        for (int t = 0; t < tokens.Count; t++)
        {
            var q = tokens[t];
            if (q.Kind != EntryTokenKind.Quantity)
                continue;
            int w = t - 1;
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

    /// <summary>Words left over, and quantities no item took, become the note, in the order they stand.</summary>
    private static void CollectNotes(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, List<EntryToken> tokens, ref EntryFacts facts)
    {
        int t = 0;
        while (t < tokens.Count)
        {
            if (tokens[t].Used || tokens[t].Kind is not EntryTokenKind.Word)
            {
                t++;
                continue;
            }
            int start = tokens[t].Start, end = tokens[t].End;
            t++;
            while (t < tokens.Count && tokens[t].Kind == EntryTokenKind.Word && !tokens[t].Used && IsFree(consumed, end, tokens[t].Start))
            {
                end = tokens[t].End;
                t++;
            }
            facts.AddNote(start, FreeText(s, consumed, start, end));
        }
    }

    /// <summary>The characters of s[start..end] that no scanner took, trimmed of separators.</summary>
    private static string FreeText(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, int start, int end, StringPool? pool = null)
    {
        Span<char> buffer = end - start <= 256 ? stackalloc char[end - start] : new char[end - start];
        int n = 0;
        for (int i = start; i < end; i++)
        {
            if (!consumed[i])
                buffer[n++] = s[i];
        }
        var text = buffer[..n];
        int a = 0, b = text.Length;
        while (a < b && CharKinds.IsSeparator(text[a]))
            a++;
        while (b > a && CharKinds.IsSeparator(text[b - 1]))
            b--;
        return pool?.Get(text[a..b]) ?? text[a..b].ToString();
    }

    /// <summary>What the scanners learned about the entry besides address, name and items.</summary>
    private struct EntryFacts
    {
        public string? Phone;
        public bool Cancelled;
        public bool Correction;
        public bool OnBehalf;
        public bool ZeroQuantity;
        public bool UnitMismatch;
        public bool ItemNotNamed;
        public bool ItemNotInCatalogue;
        public List<(int Position, string Text)>? Notes;

        public void AddNote(int position, string text)
        {
            if (text.Length > 0)
                (Notes ??= []).Add((position, text));
        }

        /// <summary>The notes in the order they stand in the line, joined by "; ".</summary>
        public readonly string? Note => Notes switch
        {
            null => null,
            [var only] => only.Text,
            _ => string.Join("; ", Notes.OrderBy(n => n.Position).Select(n => n.Text)),
        };
    }
}
