using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>
/// A chain's catalogue, indexed for finding item mentions in entries: full names, unambiguous parts of names
/// (套餐 for 蔬菜套餐 when no other item has it) and codes (A, B, ①). Built once per post; immutable.
/// </summary>
internal sealed class CatalogueIndex
{
    private const int MinAliasLength = 2;

    /// <summary>
    /// The longest part of a name taken as an alias. People shorten a name to a word or two; every part of a long name
    /// would be quadratic in number and cubic in work (a 3,000-character title sold as one item took 13 s to index,
    /// found by the fuzzer), while the full name is always matched whatever its length.
    /// </summary>
    private const int MaxPartLength = 12;
    private const int Ambiguous = -1;

    private readonly Dictionary<string, int> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _aliasLookup;
    private readonly Dictionary<char, int> _codes = [];
    private readonly Dictionary<char, int> _singleChars = [];
    private readonly string[] _numberedNames;
    private readonly FirstCharFilter _firstChars;
    // The lengths of the names and parts starting with each character, longest first: a mention is looked up at
    // those lengths only, not at every length up to the longest name.
    private readonly Dictionary<char, int[]> _aliasLengths;

    public static CatalogueIndex Empty { get; } = new([]);

    public CatalogueIndex(ImmutableArray<CatalogueItem> items)
    {
        Items = items.IsDefault ? [] : items;
        Units = Items.Select(i => Entries.Units.Named(i.Unit)).ToImmutableArray();
        for (int k = 0; k < Items.Length; k++)
        {
            string name = Items[k].Name;
            if (name.Length == 0)
                continue; // the header builder names every item; an empty name cannot be matched
            _aliases[name] = k; // the full name always wins
            for (int length = MinAliasLength; length < name.Length && length <= MaxPartLength; length++)
            {
                for (int start = 0; start + length <= name.Length; start++)
                {
                    var part = name.AsSpan(start, length);
                    if (!IsUsefulAlias(part))
                        continue;
                    string alias = part.ToString();
                    if (Items.Any(i => i.Name == alias))
                        continue;
                    _aliases[alias] = _aliases.TryGetValue(alias, out int other) && other != k ? Ambiguous : k;
                }
            }
            if (Items[k].Code is { Length: 1 } code)
            {
                char c = char.ToUpperInvariant(code[0]);
                _codes[c] = _codes.ContainsKey(c) ? Ambiguous : k;
            }
        }
        _aliasLookup = _aliases.GetAlternateLookup<ReadOnlySpan<char>>();
        _numberedNames = Items.Select(i => i.Name).Where(n => n.AsSpan().ContainsAnyInRange('0', '9')).ToArray();
        // 油1桶, 米1: one character of a name stands for the item when no other item has it and it is no unit.
        foreach (var item in Items)
        {
            foreach (char c in item.Name.Distinct())
            {
                if (!CharKinds.IsHan(c) || Entries.Units.StartsWithUnit([c]))
                    continue;
                int k = Items.IndexOf(item);
                _singleChars[c] = _singleChars.TryGetValue(c, out int other) && other != k ? Ambiguous : k;
            }
        }
        _aliasLengths = _aliases.Keys.Where(a => a.Length > 0).GroupBy(a => a[0])
            .ToDictionary(g => g.Key, g => g.Select(a => a.Length).Distinct().OrderDescending().ToArray());
        var first = new HashSet<char>(_aliases.Keys.Where(a => a.Length > 0).Select(a => a[0]));
        first.UnionWith(_singleChars.Keys);
        foreach (char c in _codes.Keys)
        {
            first.Add(c);
            first.Add(char.ToLowerInvariant(c));
            if (c is >= '1' and <= '9')
                first.Add((char)('\u2460' + (c - '1'))); // ① for code 1
        }
        _firstChars = new FirstCharFilter(first);
    }

    /// <summary>The catalogue.</summary>
    public ImmutableArray<CatalogueItem> Items { get; }

    /// <summary>Each item's unit, parsed.</summary>
    public ImmutableArray<Unit> Units { get; }

    public bool IsEmpty => Items.IsEmpty;

    /// <summary>How many names and parts of names are indexed (bounded by <see cref="MaxPartLength"/> per name).</summary>
    internal int AliasCount => _aliases.Count;

    public int Count => Items.Length;

    /// <summary>A part of a name is worth matching when it is all Han (no digits: 5斤装 must not match 5斤).</summary>
    private static bool IsUsefulAlias(ReadOnlySpan<char> part)
    {
        foreach (char c in part)
        {
            if (!CharKinds.IsHan(c))
                return false;
        }
        return true;
    }

    /// <summary>
    /// True when an item mention could start with <paramref name="c"/>: a cheap filter to ask before
    /// <see cref="TryMatch"/> and <see cref="TryMatchShared"/>, which look names up without asking it again.
    /// </summary>
    public bool MayStart(char c) => _firstChars.Contains(c);

    /// <summary>
    /// Finds a part of several names starting at <paramref name="pos"/> (套餐 when 套餐A and 套餐B are sold): it says
    /// "an item" without saying which, so it is neither a name nor a note.
    /// </summary>
    public bool TryMatchShared(ReadOnlySpan<char> s, int pos, out int length)
    {
        length = 0;
        if (!_aliasLengths.TryGetValue(s[pos], out int[]? lengths))
            return false;
        foreach (int n in lengths)
        {
            if (n < MinAliasLength)
                break;
            if (n <= s.Length - pos && _aliasLookup.TryGetValue(s.Slice(pos, n), out int k) && k == Ambiguous)
            {
                length = n;
                return true;
            }
        }
        return false;
    }

    /// <summary>AB各一份: a run of letters every one of which is a code names those items (not a word like Amy).</summary>
    private bool IsRunOfCodes(ReadOnlySpan<char> s, int pos)
    {
        int start = pos, end = pos;
        while (start > 0 && char.IsAsciiLetter(s[start - 1]))
            start--;
        while (end < s.Length && char.IsAsciiLetter(s[end]))
            end++;
        if (end - start > _codes.Count)
            return false;
        foreach (char letter in s[start..end])
        {
            if (!_codes.TryGetValue(char.ToUpperInvariant(letter), out int k) || k == Ambiguous)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Finds the item one character <paramref name="c"/> stands for (油 for 金龙鱼花生油), to be taken only
    /// where a quantity follows it (油1桶): on its own a single character is too often part of something else.
    /// </summary>
    public bool TryMatchSingle(char c, out int item) => _singleChars.TryGetValue(c, out item) && item != Ambiguous;

    /// <summary>
    /// Marks names holding digits (1号套餐) where <paramref name="s"/> names them, so the address scanner does not
    /// read them as buildings; returns how many ranges it marked, to be unmarked after the address is read.
    /// </summary>
    public int ProtectNumberedNames(ReadOnlySpan<char> s, Span<bool> consumed, Span<Range> ranges)
    {
        int count = 0;
        foreach (string name in _numberedNames)
        {
            int i = s.IndexOf(name, StringComparison.Ordinal);
            if (i < 0 || count == ranges.Length || consumed[i..(i + name.Length)].Contains(true))
                continue;
            consumed.Slice(i, name.Length).Fill(true);
            ranges[count++] = new Range(i, i + name.Length);
        }
        return count;
    }

    /// <summary>True when the catalogue has item codes (A, B, ①).</summary>
    public bool HasCodes => _codes.Count > 0;

    /// <summary>Finds the longest item mention starting at <paramref name="pos"/>.</summary>
    public bool TryMatch(ReadOnlySpan<char> s, int pos, out int item, out int length)
    {
        item = length = 0;
        char c = s[pos];

        foreach (int n in _aliasLengths.TryGetValue(c, out int[]? lengths) ? lengths : [])
        {
            if (n <= s.Length - pos && _aliasLookup.TryGetValue(s.Slice(pos, n), out int k) && k != Ambiguous)
            {
                // A name of Latin letters must be a whole word: "Amy" does not hold item "A".
                if (n == 1 && char.IsAsciiLetter(c))
                    break;
                item = k;
                length = n;
                return true;
            }
        }

        // Codes: A1, B 2, a+c, ①2 — a letter standing alone, not inside a word.
        char code = SequenceNumbers.TryCircled(c, out int circled) && circled <= 9 ? (char)('0' + circled) : char.ToUpperInvariant(c);
        if (_codes.TryGetValue(code, out int byCode) && byCode != Ambiguous)
        {
            // Ax2: an x before a number is the times sign, not a letter of a word.
            bool timesAfter = pos + 2 < s.Length && s[pos + 1] is 'x' or 'X' && char.IsAsciiDigit(s[pos + 2]);
            bool alone = (pos == 0 || !char.IsAsciiLetter(s[pos - 1])) && (pos + 1 == s.Length || !char.IsAsciiLetter(s[pos + 1]) || timesAfter);
            if ((alone || IsRunOfCodes(s, pos)) && (char.IsAsciiLetter(c) || circled > 0))
            {
                item = byCode;
                length = 1;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The characters item mentions start with, as a 4,096-bit filter: no means no; yes may be wrong for a character
    /// that shares bits with a first character, and the lookups that follow then find nothing.
    /// </summary>
    private sealed class FirstCharFilter(HashSet<char> chars)
    {
        private readonly ulong[] _bits = Bits(chars);

        private static ulong[] Bits(HashSet<char> chars)
        {
            var bits = new ulong[64];
            foreach (char c in chars)
                bits[(c & 4095) >> 6] |= 1UL << (c & 63);
            return bits;
        }

        public bool Contains(char c) => (_bits[(c & 4095) >> 6] & (1UL << (c & 63))) != 0;
    }
}
