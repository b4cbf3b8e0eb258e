using System.Buffers;
using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>What the scanners take before words are read: phone numbers, brackets, markers, labels and specs.</summary>
internal sealed partial class EntryReader
{
    private static void ReadPhones(ReadOnlySpan<char> s, Span<bool> consumed, ref EntryFacts facts)
    {
        int from = 0;
        while (from < s.Length && PhoneNumbers.TryFind(s[from..], out int start, out int length))
        {
            start += from;
            if (facts.Phone is null)
                facts.Phone = Digits(s.Slice(start, length));
            consumed.Slice(start, length).Fill(true);
            TakePhoneLabel(s, consumed, start);
            from = start + length;
        }
    }

    /// <summary>A phone number as written (139 1234-5678) without its spaces and dashes: 13912345678.</summary>
    private static string Digits(ReadOnlySpan<char> written)
    {
        Span<char> digits = stackalloc char[written.Length];
        int n = 0;
        foreach (char c in written)
        {
            if (c is not (' ' or '-'))
                digits[n++] = c;
        }
        return new string(digits[..n]);
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
        for (int i = NextOpener(s, 0); i >= 0; i = NextOpener(s, i + 1))
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

    /// <summary>
    /// Where the next opening bracket stands from <paramref name="from"/> on, or -1: read off the character table,
    /// cheaper on a line's few dozen characters than a search for seven values, ASCII and not.
    /// </summary>
    private static int NextOpener(ReadOnlySpan<char> s, int from)
    {
        for (int i = from; i < s.Length; i++)
        {
            if (CharKinds.IsOpener(s[i]))
                return i;
        }
        return -1;
    }

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
        var cancel = WordStarts.Find(s, Markers.CancelStarts, stackalloc int[WordStarts.MaxSpots]);
        int cancelEnd = cancel.IsEmpty ? -1 : TakeFirst(s, consumed, Markers.Cancel, cancel, out cancelAt);
        if (cancelEnd >= 0)
        {
            facts.Cancelled = true;
            facts.CancelAt = cancelAt;
            facts.CancelEnd = cancelEnd;
            TakeAny(s, consumed, Markers.Cancel, cancel); // 取消，不要了: one cancellation, said twice
        }
        var correction = WordStarts.Find(s, Markers.CorrectionStarts, stackalloc int[WordStarts.MaxSpots]);
        int correctionEnd = correction.IsEmpty ? -1 : TakeFirst(s, consumed, Markers.Correction, correction, out _);
        if (correctionEnd < 0 && s.Contains('改'))
            correctionEnd = TakeBareChange(s, consumed);
        if (correctionEnd >= 0)
        {
            facts.Correction = true;
            facts.CorrectionFrom = correctionEnd;
        }
        var behalf = WordStarts.Find(s, Markers.BehalfStarts, stackalloc int[WordStarts.MaxSpots]);
        if (!behalf.IsEmpty)
            facts.OnBehalf |= TakeAny(s, consumed, Markers.OnBehalf, behalf) || TakeHelpPhrase(s, consumed, ref facts) || TakeLeading(s, consumed);
    }

    /// <summary>
    /// Where the words of one group of markers can start in a line: at its first characters, which stand at a
    /// spot or two. A word is compared at those spots instead of searched for through the line, one search a word.
    /// </summary>
    private readonly ref struct WordStarts
    {
        /// <summary>The most spots kept; a line with more is searched through as it stands.</summary>
        public const int MaxSpots = 8;

        private readonly ReadOnlySpan<char> _text;
        private readonly ReadOnlySpan<int> _spots;
        private readonly bool _everywhere;

        private WordStarts(ReadOnlySpan<char> text, ReadOnlySpan<int> spots, bool everywhere)
        {
            _text = text;
            _spots = spots;
            _everywhere = everywhere;
        }

        /// <summary>No first character stands in the line: none of the words can.</summary>
        public bool IsEmpty => _spots.IsEmpty && !_everywhere;

        /// <summary>The spots of <paramref name="firsts"/> in <paramref name="s"/>, kept in <paramref name="spots"/>.</summary>
        public static WordStarts Find(ReadOnlySpan<char> s, SearchValues<char> firsts, Span<int> spots)
        {
            int n = 0;
            for (int i = s.IndexOfAny(firsts); i >= 0; i = Next(s, i, firsts))
            {
                if (n == spots.Length)
                    return new WordStarts(s, [], everywhere: true);
                spots[n++] = i;
            }
            return new WordStarts(s, spots[..n], everywhere: false);
        }

        /// <summary>Where <paramref name="word"/> first stands in the line, as <c>IndexOf</c> says, or -1.</summary>
        public int IndexOf(string word)
        {
            if (_everywhere)
                return _text.IndexOf(word, StringComparison.Ordinal);
            foreach (int spot in _spots)
            {
                // Most words of a group start otherwise than the one at a spot: told apart by that character alone.
                if (_text[spot] == word[0] && _text[spot..].StartsWith(word, StringComparison.Ordinal))
                    return spot;
            }
            return -1;
        }
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

    private static bool TakeAny(ReadOnlySpan<char> s, Span<bool> consumed, string[] words, WordStarts starts)
    {
        bool found = false;
        foreach (string word in words)
        {
            int i = starts.IndexOf(word);
            if (i >= 0 && !consumed[i])
            {
                consumed.Slice(i, word.Length).Fill(true);
                found = true;
            }
        }
        return found;
    }

    /// <summary>Takes the first of <paramref name="words"/> found; returns where it ends (or -1) and where it starts.</summary>
    private static int TakeFirst(ReadOnlySpan<char> s, Span<bool> consumed, string[] words, WordStarts starts, out int start)
    {
        foreach (string word in words)
        {
            int i = starts.IndexOf(word);
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
        bool colon = false;
        while (p < s.Length && s[p] is ' ' or ':' or '：')
            colon |= s[p++] != ' ';
        // 改2份, 改 3份; and 改：A×3 C×1, where the colon says the rest is the new order.
        if (p == s.Length || !(colon || QuantityScanner.CanStart(s[p])))
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
}
