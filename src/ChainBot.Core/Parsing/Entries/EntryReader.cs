using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using ChainBot.Core.Chains;
using ChainBot.Core.Segmentation;
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
    private readonly Dictionary<(int Item, decimal Quantity), ImmutableArray<ItemQuantity>> _singleItems = [];
    private readonly Lexicon _lexicon;

    public EntryReader(CatalogueIndex catalogue, WordDictionary dictionary)
    {
        _catalogue = catalogue;
        _roster = catalogue.IsEmpty;
        _lexicon = new Lexicon(dictionary, catalogue.Items);
    }

    /// <summary>Reads normalized entry text <paramref name="s"/>.</summary>
    /// <param name="s">The entry's text after its number, normalized.</param>
    /// <param name="seq">Its sequence number.</param>
    /// <param name="line">The line as posted, for <see cref="ChainEntry.Line"/> (phone numbers are masked here).</param>
    /// <param name="lineNumber">1-based line number.</param>
    public EntryRead Read(ReadOnlySpan<char> s, int? seq, string line, int lineNumber)
    {
        Span<bool> consumed = s.Length <= 512 ? stackalloc bool[s.Length] : new bool[s.Length];
        var facts = new EntryFacts { CancelAt = -1, HelpAt = -1 };

        // Most lines have no phone, bracket or marker: one pass over the characters says which scanners to skip.
        byte kinds = CharKinds.Union(s);
        if ((kinds & CharKinds.One) != 0)
            ReadPhones(s, consumed, ref facts);
        if ((kinds & CharKinds.Opener) != 0)
            ReadBrackets(s, consumed, ref facts);
        if ((kinds & CharKinds.MarkerStart) != 0)
            ReadMarkers(s, consumed, ref facts);
        Address address = default;
        // 2号套餐 is an item, not building 2: names with digits are kept from the address scanner.
        Span<Range> protectedNames = stackalloc Range[4];
        int protectedCount = _catalogue.ProtectNumberedNames(s, consumed, protectedNames);
        if (AddressScanner.TryFind(s, consumed, _pool, out var match))
        {
            address = match.Address;
            consumed[match.Start..match.End].Fill(true);
            TakeLabel(s, consumed, match.Start);
            if (facts.HelpAt >= 0 && facts.HelpAt < match.Start)
                consumed[facts.HelpAt..match.Start].Fill(true); // 帮邻居5-102王奶奶接龙: 邻居 is the helper's word
        }
        foreach (var range in protectedNames[..protectedCount])
            consumed[range].Clear();
        if ((kinds & CharKinds.Star) != 0)
            TakeSpecs(s, consumed, ref facts);

        var tokens = t_tokens ??= new List<EntryToken>(16);
        tokens.Clear();
        Tokenize(s, consumed, tokens);
        // From here on tokens are read and marked in place, not copied in and out of the list.
        var tokenSpan = CollectionsMarshal.AsSpan(tokens);

        int nameToken = FindNameToken(tokenSpan);
        string? name = null;
        if (nameToken >= 0)
            name = ReadName(s, consumed, tokenSpan, nameToken, _pool, _roster ? _lexicon : null);

        var items = _roster ? RosterItems(s, consumed, tokenSpan, nameToken, ref facts) : OrderItems(s, tokenSpan, ref facts);
        CollectNotes(s, consumed, tokenSpan, keepQuantities: _roster, ref facts);

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
            // The line is echoed in replies and exports: a phone number in it is masked there too. The phone scanner
            // read the normalized text (full-width digits, invisible characters seen through), and a line cannot
            // hide one in its sequence number (SequenceNumbers refuses a phone number there).
            Line = facts.Phone is null ? line : PhoneNumbers.MaskAll(line),
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
            TakePhoneLabel(s, consumed, start);
            from = start + length;
        }
    }

    /// <summary>手机13912345678, 电话: 138…: the label goes with the number.</summary>
    private static void TakePhoneLabel(ReadOnlySpan<char> s, Span<bool> consumed, int phoneStart)
    {
        int end = phoneStart;
        while (end > 0 && s[end - 1] is ' ' or ':' or '：')
            end--;
        foreach (string label in Markers.PhoneLabels)
        {
            if (s[..end].EndsWith(label, StringComparison.Ordinal))
            {
                consumed[(end - label.Length)..phoneStart].Fill(true);
                return;
            }
        }
    }

    /// <summary>（…） (…) 【…】 […]: notes, or （代） for an entry made on someone's behalf.</summary>
    private static void ReadBrackets(ReadOnlySpan<char> s, Span<bool> consumed, ref EntryFacts facts)
    {
        // A closer looked for in vain is not looked for again: a line of unclosed brackets stays linear.
        int unclosed = 0;
        for (int i = s.IndexOfAny(Openers); i >= 0 && i < s.Length; i = Next(s, i, Openers))
        {
            char close = s[i] switch { '(' => ')', '（' => '）', '【' => '】', '[' => ']', '〔' => '〕', '「' => '」', '『' => '』', _ => '\0' };
            int family = close switch { ')' or '）' => 1, '】' => 2, ']' => 4, '〕' => 8, '」' => 16, _ => 32 };
            if (close == '\0' || consumed[i] || (unclosed & family) != 0)
                continue;
            int j = s[(i + 1)..].IndexOfAny(close, close == ')' ? '）' : close == '）' ? ')' : close);
            if (j < 0)
            {
                unclosed |= family;
                continue;
            }
            j += i + 1;
            var inner = s[(i + 1)..j].Trim(' ');
            if (IsQuantityOnly(inner))
            {
                // 牛奶（2箱）: a quantity in brackets is the quantity, not a note.
                consumed[i] = consumed[j] = true;
                i = j;
                continue;
            }
            if (Markers.IsBehalfNote(inner))
                facts.OnBehalf = true;
            else if (Markers.IsCancelNote(inner))
                facts.Cancelled = true;
            else if (Markers.IsCorrectionNote(inner))
                facts.Correction = true;
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

    /// <summary>2箱, x2: text that is a quantity and nothing else.</summary>
    private static bool IsQuantityOnly(ReadOnlySpan<char> text) =>
        !text.IsEmpty && QuantityScanner.CanStart(text[0]) && QuantityScanner.TryRead(text, 0, out var q) && q.End == text.Length && q.Unit is not null;

    private static void ReadMarkers(ReadOnlySpan<char> s, Span<bool> consumed, ref EntryFacts facts)
    {
        // Each group of markers is looked for only where one of its first characters stands.
        if (s.Contains('@'))
            TakeMentions(s, consumed);
        int cancelAt = -1;
        int cancelEnd = s.IndexOfAny(Markers.CancelStarts) < 0 ? -1 : TakeFirst(s, consumed, Markers.Cancel, out cancelAt);
        if (cancelEnd >= 0)
        {
            facts.Cancelled = true;
            facts.CancelAt = cancelAt;
            facts.CancelEnd = cancelEnd;
            TakeAny(s, consumed, Markers.Cancel); // 取消，不要了: one cancellation, said twice
        }
        int correctionEnd = s.IndexOfAny(Markers.CorrectionStarts) < 0 ? -1 : TakeFirst(s, consumed, Markers.Correction, out _);
        if (correctionEnd < 0 && s.Contains('改'))
            correctionEnd = TakeBareChange(s, consumed);
        if (correctionEnd >= 0)
        {
            facts.Correction = true;
            facts.CorrectionFrom = correctionEnd;
        }
        if (s.IndexOfAny(Markers.BehalfStarts) >= 0)
            facts.OnBehalf |= TakeAny(s, consumed, Markers.OnBehalf) || TakeHelpPhrase(s, consumed, ref facts) || TakeLeading(s, consumed);
    }

    /// <summary>@团长, @李团长: a mention of someone in the group, not a name or a note.</summary>
    private static void TakeMentions(ReadOnlySpan<char> s, Span<bool> consumed)
    {
        for (int i = s.IndexOf('@'); i >= 0; i = Next(s, i, Mention))
        {
            int end = i + 1;
            while (end < s.Length && s[end] != ' ' && !CharKinds.IsSeparator(s[end]) && !char.IsAsciiDigit(s[end]))
                end++;
            consumed[i..end].Fill(true);
        }
    }

    private static readonly SearchValues<char> Mention = SearchValues.Create("@");

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

    /// <summary>Takes the first of <paramref name="words"/> found; returns where it ends (or -1) and where it starts.</summary>
    private static int TakeFirst(ReadOnlySpan<char> s, Span<bool> consumed, string[] words, out int start)
    {
        foreach (string word in words)
        {
            int i = s.IndexOf(word, StringComparison.Ordinal);
            if (i >= 0 && !consumed[i])
            {
                consumed.Slice(i, word.Length).Fill(true);
                start = i;
                return i + word.Length;
            }
        }
        start = -1;
        return -1;
    }

    /// <summary>改2份, 改 3份, 改两份: a bare 改 counts only before a quantity. Returns where it ends, or -1.</summary>
    private static int TakeBareChange(ReadOnlySpan<char> s, Span<bool> consumed)
    {
        int i = s.IndexOf('改');
        if (i < 0 || consumed[i])
            return -1;
        int p = i + 1;
        while (p < s.Length && s[p] is ' ' or ':' or '：')
            p++;
        if (p == s.Length || !QuantityScanner.CanStart(s[p]))
            return -1;
        consumed[i..p].Fill(true); // 改：2份 — the colon goes with the marker
        return p;
    }

    /// <summary>帮5号102王奶奶接龙, 替5号102王奶奶报: 帮 … 接龙 around the household's own line.</summary>
    private static bool TakeHelpPhrase(ReadOnlySpan<char> s, Span<bool> consumed, ref EntryFacts facts)
    {
        int i = s.IndexOfAny(Markers.HelpOpeners);
        if (i < 0 || consumed[i])
            return false;
        foreach (string closer in Markers.HelpClosers)
        {
            int j = s[(i + 1)..].IndexOf(closer, StringComparison.Ordinal);
            if (j > 0 && !consumed[i + 1 + j])
            {
                consumed[i] = true;
                consumed.Slice(i + 1 + j, closer.Length).Fill(true);
                facts.HelpAt = i + 1;
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

    /// <summary>配药登记：15号302 …: a label with a colon before the address names the chain, not the household.</summary>
    private static void TakeLabel(ReadOnlySpan<char> s, Span<bool> consumed, int addressStart)
    {
        int end = addressStart;
        while (end > 0 && s[end - 1] == ' ')
            end--;
        if (end == 0 || s[end - 1] is not (':' or '：'))
            return;
        int start = end - 1;
        while (start > 0 && !consumed[start - 1] && s[start - 1] != ' ')
            start--;
        var label = s[start..(end - 1)];
        foreach (string word in Markers.LabelWords)
        {
            if (label.Contains(word, StringComparison.Ordinal))
            {
                consumed[start..end].Fill(true);
                return;
            }
        }
    }

    /// <summary>
    /// 250ml*24盒/箱, 0.5g*30片: packaging written in an entry is never a quantity ordered; it goes to the note,
    /// where the supplier or the pharmacy can read it.
    /// </summary>
    private static void TakeSpecs(ReadOnlySpan<char> s, Span<bool> consumed, ref EntryFacts facts)
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
            facts.AddNote(a, s[a..b].ToString());
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
            bool plusAlone = c == '+' && !(i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])); // a+c, A+B+C
            // Mr.Li: a dot between letters belongs to the name.
            bool dotInName = c == '.' && i > 0 && i + 1 < s.Length && char.IsAsciiLetter(s[i - 1]) && char.IsAsciiLetter(s[i + 1]);
            if (consumed[i] || plusAlone || (CharKinds.IsSeparator(c) && !dotInName))
            {
                CloseWord(s, tokens, ref wordStart, i);
                i++;
                continue;
            }
            bool inWord = wordStart >= 0;
            if (_catalogue.MayStart(c))
            {
                if (_catalogue.TryMatch(s, i, out int item, out int length) && IsFree(consumed, i, i + length))
                {
                    CloseWord(s, tokens, ref wordStart, i);
                    tokens.Add(new EntryToken { Kind = EntryTokenKind.Item, Start = i, End = i + length, Item = item });
                    i += length;
                    continue;
                }
                if (_catalogue.TryMatchShared(s, i, out int shared) && IsFree(consumed, i, i + shared))
                {
                    // 套餐 of B套餐, where 套餐A and 套餐B are sold: a filler word, neither name nor note.
                    CloseWord(s, tokens, ref wordStart, i);
                    i += shared;
                    continue;
                }
                if (!inWord && i + 1 < s.Length && !consumed[i + 1] && QuantityScanner.CanStart(s[i + 1])
                    && _catalogue.TryMatchSingle(c, out int single) && QuantityScanner.TryRead(s, i + 1, out _))
                {
                    // 油1桶: one character of the name, right before a quantity.
                    tokens.Add(new EntryToken { Kind = EntryTokenKind.Item, Start = i, End = i + 1, Item = single });
                    i++;
                    continue;
                }
            }
            if (c == '各' && i + 1 < s.Length && QuantityScanner.TryRead(s, i + 1, out var each) && IsFree(consumed, i, each.End))
            {
                // 全部各1: the filler before 各 is dropped like a verb before a quantity.
                CloseWord(s, tokens, ref wordStart, inWord ? i - OrderVerbLength(s[wordStart..i]) : i);
                wordStart = -1;
                DropVerbWord(s, tokens);
                tokens.Add(new EntryToken { Kind = EntryTokenKind.Each, Start = i, End = i + 1 });
                tokens.Add(new EntryToken { Kind = EntryTokenKind.Quantity, Start = i + 1, End = each.End, Quantity = each });
                i = each.End;
                continue;
            }
            bool afterLatin = inWord && i > 0 && char.IsAsciiLetterOrDigit(s[i - 1]) && !consumed[i - 1];
            if (QuantityScanner.CanStart(c) && !afterLatin && QuantityScanner.TryRead(s, i, out var quantity)
                && IsFree(consumed, i, quantity.End) && IsQuantityHere(s, consumed, quantity))
            {
                // 要2份, 订两份: the verb before a quantity is dropped, not kept as a word.
                int wordEnd = inWord ? i - OrderVerbLength(s[wordStart..i]) : i;
                CloseWord(s, tokens, ref wordStart, wordEnd);
                wordStart = -1;
                DropVerbWord(s, tokens);
                if (quantity.Unit?.Kind != UnitKind.Volume)
                    tokens.Add(new EntryToken { Kind = EntryTokenKind.Quantity, Start = i, End = quantity.End, Quantity = quantity });
                i = quantity.End;
                continue;
            }
            if (wordStart < 0)
                wordStart = i;
            i++;
        }
        CloseWord(s, tokens, ref wordStart, s.Length);
    }

    /// <summary>The length of an order verb (要, 订, 一共) that ends <paramref name="word"/>, or 0.</summary>
    private static int OrderVerbLength(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || !Markers.OrderVerbEnds.Contains(word[^1]))
            return 0;
        foreach (string verb in Markers.OrderVerbs)
        {
            if (word.EndsWith(verb, StringComparison.Ordinal))
                return verb.Length;
        }
        return 0;
    }

    /// <summary>"王 要 2份": a word that is only a verb, right before a quantity, is dropped.</summary>
    private static void DropVerbWord(ReadOnlySpan<char> s, List<EntryToken> tokens)
    {
        if (tokens.Count == 0 || tokens[^1].Kind != EntryTokenKind.Word)
            return;
        var word = s[tokens[^1].Start..tokens[^1].End];
        if (OrderVerbLength(word) == word.Length)
            tokens.RemoveAt(tokens.Count - 1);
    }

    /// <summary>A bare number is a quantity only where a quantity can end: before a space, a mark, or an item.</summary>
    private bool IsQuantityHere(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, QuantityToken q)
    {
        if (q.Unit is not null)
            return true;
        int e = q.End;
        if (e == s.Length || consumed[e])
            return true;
        if (_catalogue.MayStart(s[e]) && _catalogue.TryMatch(s, e, out _, out _))
            return true; // A1B2, 鸡蛋1牛奶2
        char c = s[e];
        if (c == '.' || c == '-' || char.IsAsciiLetterOrDigit(c))
            return c == '.' && (e + 1 == s.Length || !char.IsAsciiDigit(s[e + 1]));
        return CharKinds.IsSeparator(c) || c == '+';
    }

    /// <summary>Ends the word being read; a "word" of symbols alone (✅, 🥬, 🙏) is decoration and is dropped.</summary>
    private static void CloseWord(ReadOnlySpan<char> s, List<EntryToken> tokens, ref int wordStart, int end)
    {
        if (wordStart < 0 || end <= wordStart || !HasWordChar(s[wordStart..end]))
        {
            wordStart = -1;
            return;
        }
        tokens.Add(new EntryToken { Kind = EntryTokenKind.Word, Start = wordStart, End = end });
        wordStart = -1;
    }

    private static bool IsFree(ReadOnlySpan<bool> consumed, int start, int end) => !consumed[start..end].Contains(true);

    private static bool HasWordChar(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (CharKinds.IsWordChar(c))
                return true;
        }
        return false;
    }

    /// <summary>The name is the first word before any item or quantity; else a short first word after them.</summary>
    private static int FindNameToken(Span<EntryToken> tokens)
    {
        const int MaxTrailingNameLength = 8;
        bool orderSeen = false;
        for (int t = 0; t < tokens.Length; t++)
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
    private static string? ReadName(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, Span<EntryToken> tokens, int t, StringPool pool, Lexicon? lexicon)
    {
        var token = tokens[t];
        var text = s[token.Start..token.End];
        int end = Honorifics.NameEnd(text);
        if (end <= 0 && lexicon is not null)
            end = lexicon.GoodsSuffixStart(text); // 刘氨氯地平: 刘 and the medicine
        if (end > 0 && end < text.Length && HasWordChar(text[end..]))
        {
            // Keep the rest as its own word: a roster item (刘阿姨氨氯地平) or a note.
            tokens[t].Start += end;
            return pool.Get(s.Slice(token.Start, end));
        }
        tokens[t].Used = true;
        if (IsLatinWord(text) && t + 1 < tokens.Length && tokens[t + 1].Kind == EntryTokenKind.Word
            && tokens[t + 1].Start == token.End + 1 && s[token.End] == ' ' && IsLatinWord(s[tokens[t + 1].Start..tokens[t + 1].End]))
        {
            // Tom Wang: a Latin given name and family name are one name.
            tokens[t + 1].Used = true;
            return FreeText(s, consumed, token.Start, tokens[t + 1].End, pool);
        }
        string whole = FreeText(s, consumed, token.Start, token.End, pool);
        return whole.Length == 0 ? null : whole;
    }

    private static bool IsLatinWord(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetter(c) && c != '.')
                return false;
        }
        return !text.IsEmpty;
    }

    private ImmutableArray<ItemQuantity> OrderItems(ReadOnlySpan<char> s, Span<EntryToken> tokens, ref EntryFacts facts)
    {
        // Per catalogue item: the quantity written, and the token whose unit it was written in (-1: none).
        int count = _catalogue.Count;
        Span<decimal> quantities = count <= 64 ? stackalloc decimal[count] : new decimal[count];
        Span<int> unitToken = count <= 64 ? stackalloc int[count] : new int[count];
        Span<byte> state = count <= 64 ? stackalloc byte[count] : new byte[count]; // 0 none, 1 quantity, 2 named only
        quantities.Clear();
        state.Clear();
        bool anyItem = false;

        SupersedeCorrected(tokens, facts.CorrectionFrom);
        CancelOneItem(s, tokens, ref facts);
        Span<int> firstMention = count <= 64 ? stackalloc int[count] : new int[count];
        firstMention.Fill(int.MaxValue);
        for (int t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Kind != EntryTokenKind.Item)
                continue;
            anyItem = true;
            int k = tokens[t].Item;
            firstMention[k] = Math.Min(firstMention[k], tokens[t].Start);
            int q = PairQuantity(tokens, t);
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
        if (items == 1)
        {
            for (int k = 0; k < count; k++)
            {
                if (state[k] != 0)
                    return SingleItem(k, converted[k]);
            }
        }
        // In the order the line names them (牛奶2箱 鸡蛋1盒); 各1份 and a bare number follow the catalogue.
        var result = new ItemQuantity[items];
        Span<int> order = count <= 64 ? stackalloc int[items] : new int[items];
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
        for (int n = 0; n < items; n++)
        {
            int k = order[n];
            result[n] = new ItemQuantity(_catalogue.Items[k].Name, converted[k], _catalogue.Items[k].Unit);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>
    /// One item in one quantity (蔬菜套餐 × 1) is most entries of most chains: they share one immutable array.
    /// </summary>
    private ImmutableArray<ItemQuantity> SingleItem(int k, decimal quantity)
    {
        const int MaxCached = 1024;
        if (_singleItems.TryGetValue((k, quantity), out var cached))
            return cached;
        ImmutableArray<ItemQuantity> items = [new ItemQuantity(_catalogue.Items[k].Name, quantity, _catalogue.Items[k].Unit)];
        if (_singleItems.Count < MaxCached)
            _singleItems.Add((k, quantity), items);
        return items;
    }

    /// <summary>
    /// The quantity that goes with the item at <paramref name="t"/>: the one after it (鸡蛋1, 牛奶 x2), or the one
    /// glued before it (两箱牛奶) — unless the one after is glued to the next item as its own (两箱牛奶 一盒鸡蛋).
    /// </summary>
    private static int PairQuantity(Span<EntryToken> tokens, int t)
    {
        bool hasLeft = t > 0 && tokens[t - 1].Kind == EntryTokenKind.Quantity && !tokens[t - 1].Used
            && tokens[t - 1].Quantity.Unit is not null && (t < 2 || tokens[t - 2].Kind != EntryTokenKind.Each);
        bool leftGlued = hasLeft && tokens[t - 1].End == tokens[t].Start;
        // 肉松小贝1盒→2盒: quantities a correction set aside are stepped over.
        int r = t + 1;
        while (r < tokens.Length && tokens[r].Kind == EntryTokenKind.Quantity && tokens[r].Used)
            r++;
        if (r > t + 1 && r < tokens.Length && tokens[r].Kind == EntryTokenKind.Quantity)
            return r;
        bool hasRight = t + 1 < tokens.Length && tokens[t + 1].Kind == EntryTokenKind.Quantity && !tokens[t + 1].Used;
        // 两箱牛奶 一盒鸡蛋, 2箱牛奶1盒鸡蛋: when quantities come first, the one after an item is the next item's.
        bool rightBelongsToNext = hasRight && tokens[t + 1].Quantity.Unit is not null && t + 2 < tokens.Length
            && tokens[t + 2].Kind == EntryTokenKind.Item && tokens[t + 1].End == tokens[t + 2].Start
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
            if (word.Length >= 2 && char.IsAsciiLetter(word[0]) && word[1..].IndexOfAnyExceptInRange('0', '9') < 0)
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

    private static void MarkUsed(Span<EntryToken> tokens, int t) => tokens[t].Used = true;

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

    /// <summary>Words left over, and quantities no item took (西瓜2个), become the note, in the order they stand.</summary>
    /// <param name="s">The entry's text.</param>
    /// <param name="consumed">What the scanners took.</param>
    /// <param name="tokens">The entry's tokens.</param>
    /// <param name="keepQuantities">
    /// In a roster a quantity no item took is still news for the coordinator (3人 for a 核酸 sign-up); in an order
    /// chain it was either an item's or is reported.
    /// </param>
    /// <param name="facts">Where the notes go.</param>
    private static void CollectNotes(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, Span<EntryToken> tokens, bool keepQuantities, ref EntryFacts facts)
    {
        int t = 0;
        while (t < tokens.Length)
        {
            if (!IsLeftOver(tokens[t]))
            {
                t++;
                continue;
            }
            int start = tokens[t].Start, end = tokens[t].End;
            bool hasWord = tokens[t].Kind == EntryTokenKind.Word;
            t++;
            while (t < tokens.Length && IsLeftOver(tokens[t]) && IsFree(consumed, end, tokens[t].Start))
            {
                hasWord |= tokens[t].Kind == EntryTokenKind.Word;
                end = tokens[t].End;
                t++;
            }
            if (hasWord || keepQuantities)
                facts.AddNote(start, FreeText(s, consumed, start, end));
        }
    }

    private static bool IsLeftOver(EntryToken token) =>
        !token.Used && token.Kind is EntryTokenKind.Word or EntryTokenKind.Quantity;

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

    private static string TrimDecoration(string text)
    {
        int a = 0, b = text.Length;
        while (a < b && !CharKinds.IsWordChar(text[a]))
            a++;
        while (b > a && !CharKinds.IsWordChar(text[b - 1]) && text[b - 1] is not (')' or '）' or '】'))
            b--;
        return a == 0 && b == text.Length ? text : text[a..b];
    }

    /// <summary>What the scanners learned about the entry besides address, name and items.</summary>
    private struct EntryFacts
    {
        public string? Phone;
        public bool Cancelled;
        public bool Correction;
        public int CorrectionFrom;
        public int CancelAt;
        public int CancelEnd;
        public int HelpAt;
        public bool OnBehalf;
        public bool ZeroQuantity;
        public bool UnitMismatch;
        public bool ItemNotNamed;
        public bool ItemNotInCatalogue;
        // Most entries have no note or one: the first is kept inline, a list only from the second on.
        public int FirstNotePosition;
        public string? FirstNote;
        public List<(int Position, string Text)>? MoreNotes;

        public void AddNote(int position, string text)
        {
            // Decoration at either end (✅, 🙏, ❤️) and courtesies (谢谢, 辛苦了) are for the group, not the sheet.
            text = TrimDecoration(text);
            if (text.Length == 0 || Markers.IsCourtesy(text))
                return;
            if (FirstNote is null)
            {
                FirstNote = text;
                FirstNotePosition = position;
                return;
            }
            (MoreNotes ??= [(FirstNotePosition, FirstNote)]).Add((position, text));
        }

        /// <summary>The notes in the order they stand in the line, joined by "; ".</summary>
        public readonly string? Note => MoreNotes is null
            ? FirstNote
            : string.Join("; ", MoreNotes.OrderBy(n => n.Position).Select(n => n.Text));
    }
}
