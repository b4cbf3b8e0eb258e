using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>Words: the entry cut into items, quantities and words, and the name among the words.</summary>
internal sealed partial class EntryReader
{
    private void Tokenize(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, EntryTokens tokens)
    {
        int wordStart = -1;
        int i = 0;
        while (i < s.Length)
        {
            if (consumed[i])
            {
                // An address, a phone or a bracket a scanner took: skipped whole, not looked at character by character.
                CloseWord(s, tokens, ref wordStart, i);
                int taken = consumed[i..].IndexOf(false);
                i = taken < 0 ? s.Length : i + taken;
                continue;
            }
            char c = s[i];
            bool plusAlone = c == '+' && !(i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])); // a+c, A+B+C
            // Mr.Li: a dot between letters belongs to the name.
            bool dotInName = c == '.' && i > 0 && i + 1 < s.Length && char.IsAsciiLetter(s[i - 1]) && char.IsAsciiLetter(s[i + 1]);
            if (plusAlone || (CharKinds.IsSeparator(c) && !dotInName))
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
                // 油1桶, 橙子2箱: one character of the name (with the everyday 子), right before a quantity.
                int width = i + 1 < s.Length && s[i + 1] == '子' ? 2 : 1;
                if (!inWord && i + width < s.Length && IsFree(consumed, i, i + width + 1) && QuantityScanner.CanStart(s[i + width])
                    && _catalogue.TryMatchSingle(c, out int single) && QuantityScanner.TryRead(s, i + width, out _))
                {
                    tokens.Add(new EntryToken { Kind = EntryTokenKind.Item, Start = i, End = i + width, Item = single });
                    i += width;
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
            if (_roster && !afterLatin && QuantityScanner.CanStart(c) && QuantityScanner.TryReadMoney(s, i, out var money) && IsFree(consumed, i, money.End))
            {
                // 充值200元: in a roster the amount is what the household asks for.
                CloseWord(s, tokens, ref wordStart, i);
                tokens.Add(new EntryToken { Kind = EntryTokenKind.Quantity, Start = i, End = money.End, Quantity = money });
                i = money.End;
                continue;
            }
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
            // The rest of a name or a word (王阿姨, 放门口): none of the checks above can stop at these characters.
            while (i < s.Length && !consumed[i] && CharKinds.IsPlainHan(s[i]) && s[i] != '各' && !_catalogue.MayStart(s[i]))
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
    private static void DropVerbWord(ReadOnlySpan<char> s, EntryTokens tokens)
    {
        if (tokens.Count == 0 || tokens.Last.Kind != EntryTokenKind.Word)
            return;
        var word = s[tokens.Last.Start..tokens.Last.End];
        if (OrderVerbLength(word) == word.Length)
            tokens.RemoveLast();
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
    private static void CloseWord(ReadOnlySpan<char> s, EntryTokens tokens, ref int wordStart, int end)
    {
        if (wordStart < 0 || end <= wordStart || !HasWordChar(s[wordStart..end]))
        {
            wordStart = -1;
            return;
        }
        tokens.Add(new EntryToken { Kind = EntryTokenKind.Word, Start = wordStart, End = end });
        wordStart = -1;
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
}
